package dev.gridcommerce.bench.support;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JMH settings every benchmark of this module shares (subclasses inherit them): throughput in
 * operations per second, 2 × 3 s warm-up, 3 × 4 s measurement, 4 threads, one fork with a fixed
 * heap and the JVM flags every Hazelcast JVM gets (bin/bench overrides timing and threads).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
@Threads(4)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "-Xmx2g",
      "@config/hazelcast.jvmopts",
      // see bin/lib/common.sh: async grid calls need 2+ common-pool threads on 2 cores
      "-Djava.util.concurrent.ForkJoinPool.common.parallelism=4",
      "-Dhazelcast.phone.home.enabled=false"
    })
public abstract class GridBenchmark {}
