package dev.ekoolkit.mock.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time read from Linux's {@code /proc}: a process's user + system time (all its threads) and the whole
 * machine's busy time, in ms. Used by {@link LoadGenerator}'s optional {@code cpu=} argument to measure the
 * server's and the generator's CPU per operation.
 */
final class CpuTime {

    /** Kernel clock ticks per second ({@code getconf CLK_TCK}); 100 on every Linux this runs on. */
    private static final long TICK_MS = 10;

    private CpuTime() {
    }

    /** {server process ms, this process ms, machine busy ms}; throws {@link UncheckedIOException} if /proc is unreadable. */
    static long[] read(String serverPid) {
        try {
            return new long[] {process(serverPid), process("self"), machineBusy()};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long process(String pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", pid, "stat"));
        // fields after the command name (which may hold spaces) start after the last ')': state is field 3
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_MS; // utime, stime: fields 14 and 15
    }

    private static long machineBusy() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i < f.length && i <= 7; i++) { // user … softirq; not steal
            if (i != 4 && i != 5) { // not idle, iowait
                busy += Long.parseLong(f[i]);
            }
        }
        return busy * TICK_MS;
    }
}
