package dev.ekoolkit.mock.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Median, min and max of repeated measurements. */
record Stats(double median, double min, double max, int n) {

    static Stats of(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) {
            return new Stats(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        return new Stats(median, v[0], v[v.length - 1], v.length);
    }

    static Stats of(double... values) {
        return of(Arrays.stream(values).boxed().toList());
    }

    /** {@code median (min–max)} with the given number format. */
    String format(String fmt) {
        if (n == 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, fmt, median) + " (" + String.format(Locale.ROOT, fmt, min) + "–"
                + String.format(Locale.ROOT, fmt, max) + ")";
    }
}
