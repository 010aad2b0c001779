package com.budgetsync.mapping;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * How strongly a header names a field: the term's weight for a lexicon term (1.0 for the field's own names), less for
 * a term inside a longer header ("Budget Amount USD"), a German-style compound ("Haushaltsansatz") or a typo
 * ("Departmnet", "Bugdet Amt" — the mean of Levenshtein and Jaro-Winkler similarity), low for a header that names
 * something else ("Actual", "Notes", "Org Code" for an amount).
 */
record HeaderMatch(double score, String explanation) {
    private static final LevenshteinDistance LEVENSHTEIN = LevenshteinDistance.getDefaultInstance();
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    private static final double CONTAINED = 0.9;
    private static final double COMPOUND = 0.8;
    private static final int COMPOUND_MIN = 5;
    private static final double TYPO_FLOOR = 0.8;
    private static final double NAMES_SOMETHING_ELSE = 0.2;
    private static final Pattern LEVEL_SUFFIX = Pattern.compile(
            "\\b(\\d+|label|name|title|desc|description|nombre|nom|libelle|bezeichnung)\\b");
    private static final Pattern GLUED_SUFFIX = Pattern.compile(
            "\\b(\\p{L}{3,}?)(name|code|desc|descr|title|label|nbr|num)\\b");
    private static final Pattern QUALIFIER = Pattern.compile("\\([^)]*\\)|\\[[^]]*]");
    private static final int CACHE_LIMIT = 10_000;
    private static final Map<String, HeaderMatch> CACHE = new ConcurrentHashMap<>();

    static final HeaderMatch NONE = new HeaderMatch(0, null);

    static HeaderMatch of(TargetField field, String header) {
        String key = field.ordinal() + "\u001F" + header;
        HeaderMatch cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        HeaderMatch match = compute(field, header);
        if (CACHE.size() < CACHE_LIMIT) {
            CACHE.put(key, match);
        }
        return match;
    }

    boolean exact() {
        return score >= 1.0;
    }

    private static HeaderMatch compute(TargetField field, String header) {
        String name = HeaderNames.normalize(header);
        if (name.isEmpty()) {
            return NONE;
        }
        String other = namesSomethingElse(field, name);
        if (other != null) {
            return new HeaderMatch(NAMES_SOMETHING_ELSE, "header '" + header + "' names " + other);
        }
        // A qualifier in brackets does not change what a header names ("Ebene 1 (Produktgruppe)" is a level,
        // "Presupuesto inicial (Proyecto Ppto.)" an initial budget), nor do a level number or a "label"/"name" suffix
        // ("admin3 (label)" is "admin").
        String unqualified = HeaderNames.normalize(QUALIFIER.matcher(header).replaceAll(" "));
        HeaderMatch best = NONE;
        Set<String> forms = new LinkedHashSet<>(List.of(name));
        if (!unqualified.isEmpty()) {
            forms.add(unqualified);
        }
        // A suffix glued on in lower case names the same thing: "deptname" is "dept name", "fundcode" "fund code".
        for (String form : List.copyOf(forms)) {
            forms.add(unglued(form));
        }
        // A plural names what its singular names: "Agencies", "Departamentos", "Importes".
        for (String form : List.copyOf(forms)) {
            forms.add(singular(form, false));
            forms.add(singular(form, true));
        }
        for (String form : forms) {
            HeaderMatch match = best(header, form, Lexicon.of(field));
            best = match.score > best.score ? match : best;
            String bare = LEVEL_SUFFIX.matcher(form).replaceAll(" ").strip().replaceAll("\\s+", " ");
            if (!bare.isEmpty() && !bare.equals(form)) {
                HeaderMatch stripped = best(header, bare, Lexicon.of(field));
                best = stripped.score > best.score ? stripped : best;
            }
        }
        return best;
    }

    /** A normalised header with a lower-case suffix glued on set apart: "deptname" is "dept name". */
    static String unglued(String normalized) {
        return GLUED_SUFFIX.matcher(normalized).replaceAll("$1 $2");
    }

    /** Each word's singular: "-ies" becomes "-y", else the final "s" goes (or "es", when {@code es}). */
    private static String singular(String name, boolean es) {
        StringBuilder out = new StringBuilder();
        for (String word : name.split(" ")) {
            String single = word;
            if (word.length() >= 4 && word.endsWith("s") && !word.endsWith("ss") && Lexicon.isLatin(word)) {
                single = word.endsWith("ies") ? word.substring(0, word.length() - 3) + "y"
                        : es && word.endsWith("es") ? word.substring(0, word.length() - 2)
                        : word.substring(0, word.length() - 1);
            }
            out.append(out.isEmpty() ? "" : " ").append(single);
        }
        return out.toString();
    }

    /**
     * The strongest of: the header is a term; a run of its words is one (or, in scripts without spaces, it holds one);
     * one of its words is a compound of a term; it misspells a term.
     */
    private static HeaderMatch best(String header, String name, Lexicon.Terms terms) {
        Double exact = terms.weights().get(name);
        if (exact != null) {
            return new HeaderMatch(exact, "header '" + header + "' = synonym '" + name + "'");
        }
        HeaderMatch best = NONE;
        String[] words = name.split(" ");
        for (int length = words.length - 1; length >= 1; length--) {
            for (int start = 0; start + length <= words.length; start++) {
                String run = String.join(" ", Arrays.asList(words).subList(start, start + length));
                best = better(best, terms.weights().get(run), CONTAINED, header, "contains synonym '" + run + "'");
            }
        }
        for (String term : terms.unspaced()) {
            if (name.contains(term)) {
                best = better(best, terms.weights().get(term), CONTAINED, header, "contains synonym '" + term + "'");
            }
        }
        for (String word : words) {
            for (int k = COMPOUND_MIN; k <= word.length() - 2; k++) {
                String prefix = word.substring(0, k);
                String suffix = word.substring(word.length() - k);
                best = better(best, terms.weights().get(prefix), COMPOUND, header,
                        "is a compound of synonym '" + prefix + "'");
                best = better(best, terms.weights().get(suffix), COMPOUND, header,
                        "is a compound of synonym '" + suffix + "'");
            }
        }
        if (name.length() >= 4 && Lexicon.isLatin(name) && !Lexicon.isTerm(name)) {
            for (String term : terms.byShape().getOrDefault(Lexicon.Terms.shape(name), List.of())) {
                double similarity = term.length() < 4 ? 0 : typo(name, term);
                if (similarity >= TYPO_FLOOR && terms.weights().get(term) * similarity > best.score) {
                    best = new HeaderMatch(terms.weights().get(term) * similarity, "header '" + header
                            + "' ≈ synonym '" + term + "' (" + String.format(Locale.ROOT, "%.2f", similarity) + ")");
                }
            }
        }
        return best;
    }

    private static HeaderMatch better(HeaderMatch best, Double weight, double factor, String header, String how) {
        return weight != null && weight * factor > best.score
                ? new HeaderMatch(weight * factor, "header '" + header + "' " + how) : best;
    }

    /**
     * How close a header is to a term it may misspell: word by word, so "Budget Amount" is no typo of "Budget Unit";
     * short words must match exactly. 0 when the words do not pair up.
     */
    private static double typo(String name, String term) {
        String[] words = name.split(" ");
        String[] termWords = term.split(" ");
        if (words.length != termWords.length
                || Math.abs(name.length() - term.length()) > Math.max(name.length(), term.length()) / 4) {
            return 0;
        }
        for (int i = 0; i < words.length; i++) {
            if (!words[i].equals(termWords[i]) && (words[i].length() < 4 || similarity(words[i], termWords[i]) < TYPO_FLOOR)) {
                return 0;
            }
        }
        return similarity(name, term);
    }

    private static double similarity(String a, String b) {
        double levenshtein = 1.0 - (double) LEVENSHTEIN.apply(a, b) / Math.max(a.length(), b.length());
        return (levenshtein + JARO_WINKLER.apply(a, b)) / 2;
    }

    private static String namesSomethingElse(TargetField field, String name) {
        String word = switch (field) {
            case AMOUNT -> firstOf(name, Lexicon.NOT_AMOUNT, Lexicon.ACTUAL);
            case DEPARTMENT, SUB_CATEGORY -> firstOf(name, Lexicon.FREE_TEXT);
            default -> null;
        };
        return word == null ? null : "'" + word + "', not " + field.jsonName();
    }

    private static String firstOf(String name, String... kinds) {
        for (String kind : kinds) {
            String word = Lexicon.wordIn(kind, name);
            if (word != null) {
                return word;
            }
        }
        return null;
    }
}
