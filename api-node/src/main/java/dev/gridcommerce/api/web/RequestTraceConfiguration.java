package dev.gridcommerce.api.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Trace ids for every request, before any other filter (security's too) logs a line for it. */
@Configuration(proxyBeanMethods = false)
class RequestTraceConfiguration {

  @Bean
  FilterRegistrationBean<RequestTraceFilter> requestTrace() {
    FilterRegistrationBean<RequestTraceFilter> registration =
        new FilterRegistrationBean<>(new RequestTraceFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.addUrlPatterns("/*");
    return registration;
  }
}
