package io.crosspatch.bench.drill;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * How many times each expected key was seen, and what that means for an exactly-once check: which keys were never
 * seen (a loss), seen more than once (a duplicate), and which were seen but not expected. Pure, so that the rule
 * every drill's verdict rests on is unit-tested.
 */
public record Tally(int expected, List<String> missing, Map<String, Integer> duplicated, List<String> unexpected) {

    /** Counts {@code seen} by {@code key} and compares with {@code expectedKeys}. */
    public static <T> Tally of(Collection<String> expectedKeys, Collection<T> seen, Function<T, String> key) {
        Map<String, Integer> counts = new TreeMap<>();
        seen.forEach(item -> counts.merge(key.apply(item), 1, Integer::sum));
        return ofCounts(expectedKeys, counts);
    }

    /** The same from counts already made (a key mapped to 0 counts as missing). */
    public static Tally ofCounts(Collection<String> expectedKeys, Map<String, Integer> counts) {
        List<String> missing = new ArrayList<>();
        Map<String, Integer> duplicated = new TreeMap<>();
        for (String key : new java.util.TreeSet<>(expectedKeys)) {
            int count = counts.getOrDefault(key, 0);
            if (count == 0) {
                missing.add(key);
            } else if (count > 1) {
                duplicated.put(key, count);
            }
        }
        List<String> unexpected = counts.entrySet().stream()
                .filter(entry -> entry.getValue() > 0 && !expectedKeys.contains(entry.getKey()))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        return new Tally(
                new java.util.HashSet<>(expectedKeys).size(), List.copyOf(missing), Map.copyOf(duplicated), unexpected);
    }

    /** Every expected key exactly once (keys outside the expected set are the caller's to judge). */
    public boolean exactlyOnce() {
        return missing.isEmpty() && duplicated.isEmpty();
    }

    /** Every expected key at least once: for "nothing lost" where repeats are allowed (events are upserts). */
    public boolean atLeastOnce() {
        return missing.isEmpty();
    }

    /** A one-line account for a report, naming at most a few keys of each kind. */
    public String describe(String what) {
        StringBuilder text = new StringBuilder()
                .append(expected)
                .append(' ')
                .append(what)
                .append(" expected; ")
                .append(missing.size())
                .append(" missing, ")
                .append(duplicated.size())
                .append(" more than once, ")
                .append(unexpected.size())
                .append(" not expected");
        if (!missing.isEmpty()) {
            text.append("; missing e.g. ").append(first(missing));
        }
        if (!duplicated.isEmpty()) {
            text.append("; more than once e.g. ")
                    .append(first(duplicated.entrySet().stream()
                            .map(entry -> entry.getKey() + "×" + entry.getValue())
                            .toList()));
        }
        if (!unexpected.isEmpty()) {
            text.append("; not expected e.g. ").append(first(unexpected));
        }
        return text.toString();
    }

    /**
     * The account for an at-least-once check, where repeats are normal (a node's patch.results once per change of
     * its state): only what was missing or not expected.
     */
    public String describeAtLeastOnce(String what) {
        StringBuilder text = new StringBuilder()
                .append(expected)
                .append(' ')
                .append(what)
                .append(" expected; ")
                .append(missing.size())
                .append(" missing, ")
                .append(unexpected.size())
                .append(" not expected, ")
                .append(duplicated.size())
                .append(" seen more than once (allowed)");
        if (!missing.isEmpty()) {
            text.append("; missing e.g. ").append(first(missing));
        }
        return text.toString();
    }

    private static String first(List<String> keys) {
        return String.join(", ", keys.subList(0, Math.min(5, keys.size()))) + (keys.size() > 5 ? ", …" : "");
    }
}
