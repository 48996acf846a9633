package org.gridatlas.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.function.Consumer;

/**
 * How fast one thread reads texts once the JIT has compiled what it will: rounds over all the
 * texts until a round is no more than 5% faster than the one before (at most {@link #MAX_ROUNDS}),
 * then one measured round — by the wall clock, and by the thread's own CPU time, which on a shared
 * machine does not count other work.
 */
record SteadyRate(double perSecond, double perCpuSecond) {
    private static final int MAX_ROUNDS = 12;

    static SteadyRate of(List<String> texts, Consumer<String> read) {
        double last = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            double rate = round(texts, read).perCpuSecond();
            if (round >= 2 && rate < last * 1.05) break;
            last = rate;
        }
        return round(texts, read);
    }

    private static SteadyRate round(List<String> texts, Consumer<String> read) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long cpuStart = cpu.getCurrentThreadCpuTime(), start = System.nanoTime();
        texts.forEach(read);
        return new SteadyRate(
                texts.size() / ((System.nanoTime() - start) / 1e9),
                texts.size() / ((cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9));
    }
}
