package dev.hearth.bundle.bench;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.hearth.core.testing.bench.ServiceProcess;

/** The RSS of a few processes, sampled every second; the peak of each since the last {@link #restart}. */
final class RssSampler implements AutoCloseable {
    private final Map<String, Long> pids;
    private final Map<String, Long> peaks = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "rss-sampler");
        thread.setDaemon(true);
        return thread;
    });

    RssSampler(Map<String, Long> pids) {
        this.pids = pids;
        timer.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    /** Forgets the peaks so far: the next {@link #peaks} are of what follows. */
    void restart() {
        peaks.clear();
        sample();
    }

    /** The peak RSS of each process, in MiB, since the last {@link #restart}. */
    Map<String, Long> peaks() {
        sample();
        return ordered(peaks);
    }

    /** The RSS of each process now, in MiB. */
    Map<String, Long> now() throws IOException {
        Map<String, Long> rss = new LinkedHashMap<>();
        for (var process : pids.entrySet()) {
            rss.put(process.getKey(), ServiceProcess.rssMiB(process.getValue()));
        }
        return rss;
    }

    private synchronized void sample() {
        try {
            now().forEach((name, rss) -> peaks.merge(name, rss, Math::max));
        } catch (IOException | RuntimeException e) {
            System.err.println("RSS not sampled: " + e.getMessage());
        }
    }

    private Map<String, Long> ordered(Map<String, Long> values) {
        Map<String, Long> out = new LinkedHashMap<>();
        pids.keySet().forEach(name -> out.put(name, values.get(name)));
        return out;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
