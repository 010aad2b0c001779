package com.budgetsync.mapping;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The header words of each field and of the column kinds the mapper tells apart (actuals, original or revised budgets,
 * identifiers, free text), in many languages: read from {@code lexicon.txt} beside this class, where each line names
 * its language. Terms are stored normalised ({@link HeaderNames}); a term listed twice keeps its higher weight. Lookups
 * are by hash (a header's word runs), so a wide file's hundred headers are matched in microseconds.
 */
final class Lexicon {
    static final String NOT_AMOUNT = "notAmount";
    static final String ACTUAL = "actual";
    static final String ORIGINAL = "original";
    static final String REVISED = "revised";
    static final String FREE_TEXT = "freeText";
    static final String TOTAL = "total";
    static final String IDENTIFIER = "identifier";
    static final String TERRITORY = "territory";
    static final String TERRITORIAL_UNIT = "territorialUnit";
    static final String UPPER_LEVEL = "upperLevel";
    private static final int MAX_TERM_WORDS = 6;
    private static final int CACHE_LIMIT = 20_000;

    /**
     * One kind's terms: by text; those of scripts written without spaces (matched inside a header); and the Latin ones
     * by shape (word count and first letter), the only ones a typo is looked for among.
     */
    record Terms(Map<String, Double> weights, List<String> unspaced, Map<String, List<String>> byShape) {
        static String shape(String normalized) {
            return normalized.split(" ").length + ":" + normalized.charAt(0);
        }

        /** The first term that stands as a word run in the header (or inside it, for unspaced scripts); else null. */
        String in(String normalizedHeader) {
            String[] words = normalizedHeader.split(" ");
            for (int length = Math.min(MAX_TERM_WORDS, words.length); length >= 1; length--) {
                for (int start = 0; start + length <= words.length; start++) {
                    String run = String.join(" ", Arrays.asList(words).subList(start, start + length));
                    if (weights.containsKey(run)) {
                        return run;
                    }
                }
            }
            for (String term : unspaced) {
                if (normalizedHeader.contains(term)) {
                    return term;
                }
            }
            return null;
        }
    }

    private static final Map<String, Terms> TERMS = load();
    private static final Map<String, String> FOUND = new ConcurrentHashMap<>();

    private Lexicon() {
    }

    static Terms of(TargetField field) {
        return of(field.jsonName());
    }

    static Terms of(String kind) {
        return TERMS.getOrDefault(kind, new Terms(Map.of(), List.of(), Map.of()));
    }

    /** The first term of a kind that stands as a word (or, in scripts without spaces, inside) the header; else null. */
    static String wordIn(String kind, String normalizedHeader) {
        String key = kind + "\u001F" + normalizedHeader;
        String found = FOUND.get(key);
        if (found == null) {
            String term = of(kind).in(normalizedHeader);
            found = term == null ? "" : term;
            if (FOUND.size() < CACHE_LIMIT) {
                FOUND.put(key, found);
            }
        }
        return found.isEmpty() ? null : found;
    }

    /** Whether the normalised header is itself a term of any kind ("provincia" is a territory): no typo of another. */
    static boolean isTerm(String normalizedHeader) {
        return TERMS.values().stream().anyMatch(t -> t.weights().containsKey(normalizedHeader));
    }

    /** Latin-script (and digit) terms compare as whole words; others also inside a longer header. */
    static boolean isLatin(String term) {
        return term.codePoints().allMatch(c -> c < 0x0250 || c == ' ');
    }

    private static Map<String, Terms> load() {
        Map<String, Map<String, Double>> terms = new LinkedHashMap<>();
        try (InputStream in = Lexicon.class.getResourceAsStream("lexicon.txt")) {
            if (in == null) {
                throw new IllegalStateException("lexicon.txt is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                String[] head = line.substring(0, colon).trim().split("\\s+");
                double weight = Double.parseDouble(head[1]);
                Map<String, Double> kind = terms.computeIfAbsent(head[0], k -> new LinkedHashMap<>());
                for (String term : line.substring(colon + 1).split("\\|")) {
                    String normalized = HeaderNames.normalize(term);
                    if (!normalized.isEmpty()) {
                        kind.merge(normalized, weight, Math::max);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Terms> byKind = new LinkedHashMap<>();
        terms.forEach((kind, weights) -> {
            List<String> unspaced = new ArrayList<>();
            Map<String, List<String>> byShape = new LinkedHashMap<>();
            for (String term : weights.keySet()) {
                if (isLatin(term)) {
                    byShape.computeIfAbsent(Terms.shape(term), k -> new ArrayList<>()).add(term);
                } else {
                    unspaced.add(term);
                }
            }
            byShape.replaceAll((k, v) -> List.copyOf(v));
            byKind.put(kind, new Terms(Collections.unmodifiableMap(weights), List.copyOf(unspaced),
                    Collections.unmodifiableMap(byShape)));
        });
        return Collections.unmodifiableMap(byKind);
    }
}
