package io.crosspatch.bench.report;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How numbers look in the Markdown report: integers with thousands separators, others to three significant places. */
final class Markdown {

    private Markdown() {}

    static String number(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Long || value instanceof Integer) {
            return String.format(Locale.ROOT, "%,d", ((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return String.valueOf(d);
            }
            if (Math.abs(d) >= 100) {
                return String.format(Locale.ROOT, "%,.0f", d);
            }
            if (Math.abs(d) >= 10) {
                return String.format(Locale.ROOT, "%.1f", d);
            }
            return String.format(Locale.ROOT, "%.2f", d);
        }
        return value.toString();
    }
}
