package com.budgetsync.mapping;

import com.budgetsync.parsing.DataRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Organisation hierarchies (ministry → agency → unit, portfolio → department/agency, {@code Level 1 … Level 4}). The
 * rule: procurement budgets against the top named organisation level, so among the label columns whose header names
 * an organisation level (or that the header and the data place above the department, {@link ParentLevels}), the one
 * with the fewest distinct values is the department, and the next level is the sub-category. A column only loosely
 * named (Entity, Unit) that holds one value throughout is a legal entity or the publisher, not a level. A code column
 * beside its named label column ({@code CC_No} / {@code Cost Center}) gives way to the label.
 */
final class OrgLevels {
    /** A level's header names an organisation level: a term of the field itself, or a loose one standing alone. */
    private static final double NAMED = 0.8;
    private static final double LABELS = 0.7;
    /** How much better one header must name a level than another for that alone to order them. */
    private static final double CLEARLY_NAMED = 0.1;
    private static final Pattern LEVEL_SUFFIX = Pattern.compile(
            "\\d+|\\b(label|name|title|desc|description|code|id|nombre|nom|libelle|bezeichnung)\\b");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final double PARENT_EVIDENCE = 0.8;

    private OrgLevels() {
    }

    /** Applies the rules to the winners; returns the fields they decided (no tie to report for those). */
    static Set<TargetField> apply(List<String> headers, List<ColumnProfile> profiles, List<DataRow> data,
                                  List<Candidate> candidates, Map<TargetField, Candidate> winners,
                                  Map<TargetField, FieldMapping> chosen, Set<Integer> taken, ReviewNotes review) {
        labelForCode(TargetField.DEPARTMENT, headers, profiles, data, winners, taken);
        labelForCode(TargetField.SUB_CATEGORY, headers, profiles, data, winners, taken);
        Candidate department = winners.get(TargetField.DEPARTMENT);
        if (department == null || chosen.containsKey(TargetField.DEPARTMENT)) {
            return Set.of();
        }
        if (territorial(headers, department)) {
            review.askWhich(TargetField.DEPARTMENT, "department: '" + headers.get(department.index()) + "' stands among"
                    + " territory columns (region, province, locality): a territory, or the organisation? Pin the"
                    + " department column in the config", List.of(new Alternative(headers.get(department.index()), 0.5)));
            return Set.of();
        }
        Candidate sub = winners.get(TargetField.SUB_CATEGORY);
        List<Candidate> named = new ArrayList<>(candidates.stream()
                .filter(c -> c.field() == TargetField.DEPARTMENT)
                .map(c -> c.headerScore() >= NAMED ? c : parentLevel(headers, profiles, data, c, department))
                .filter(Objects::nonNull)
                .filter(c -> c.index() == department.index() || sub != null && c.index() == sub.index()
                        || !taken.contains(c.index()))
                .filter(c -> profiles.get(c.index()).labels() >= LABELS)
                // "Function 1" is the functional classification, no organisation level.
                .filter(c -> SubCategoryKinds.of(headers.get(c.index())) != SubCategoryKinds.Kind.FUNCTIONAL)
                .filter(c -> IdentifierColumns.labelOf(c.index(), headers, profiles, data).isEmpty())
                // Equally coarse: a header in the department's own words before a loose one ("Department" before
                // "Function 1"), then by level number.
                .sorted(Comparator.comparingInt(Candidate::distinct)
                        .thenComparing(c -> c.headerScore() < Candidate.OWN_NAME)
                        .thenComparingInt(c -> levelNumber(headers.get(c.index())))
                        .thenComparing(Comparator.comparingDouble(Candidate::headerScore).reversed())
                        .thenComparingInt(Candidate::index))
                .toList());
        // A territory (a state, a county, a province) beside administrative levels is where the money goes, not who
        // holds the budget.
        List<String> territories = named.stream().filter(c -> isTerritory(headers.get(c.index())))
                .map(c -> "'" + headers.get(c.index()) + "'").toList();
        boolean withoutTerritories = !territories.isEmpty() && territories.size() < named.size();
        if (withoutTerritories) {
            named.removeIf(c -> isTerritory(headers.get(c.index())));
        }
        if (named.size() >= 2 && named.get(0).distinct() == 1 && named.get(1).distinct() == 1
                && named.get(0).headerScore() - named.get(1).headerScore() <= CLEARLY_NAMED
                && !numberedLevels(headers.get(named.get(0).index()), headers.get(named.get(1).index()))) {
            Optional<Candidate> name = nameBesideItsAbbreviation(data, named.get(0), named.get(1));
            if (name.isPresent()) {
                // Two columns agree the file is one organisation's: its one value is full evidence, not half.
                Candidate c = name.get();
                double full = Candidate.HEADER_WEIGHT * c.headerScore()
                        + (1 - Candidate.HEADER_WEIGHT) * profiles.get(c.index()).fit(TargetField.DEPARTMENT);
                swap(winners, taken, TargetField.DEPARTMENT, new Candidate(c.field(), c.index(),
                        Math.max(c.score(), full), c.headerScore(), c.exactHeader(), c.fit(), c.distinct(),
                        c.reason() + "; one organisation throughout, named in full here and abbreviated in '"
                                + headers.get((c == named.get(0) ? named.get(1) : named.get(0)).index()) + "'"));
                return Set.of(TargetField.DEPARTMENT);
            }
            // Two columns of one value each: nothing orders them (a publisher, a region, an entity), a person picks.
            review.askWhich(TargetField.DEPARTMENT, "department: '" + headers.get(named.get(0).index()) + "' and '"
                    + headers.get(named.get(1).index()) + "' each hold one value; pin the department column in the"
                    + " config", named.stream().limit(3).map(c -> new Alternative(headers.get(c.index()), 0.5)).toList());
            return Set.of();
        }
        // A loosely named column of one value (Entity: Acme Inc) is the publisher, not a level.
        // A level that only repeats another one in step (its name in a second language) is that level, not the next.
        List<Candidate> levels = new ArrayList<>();
        named.stream().filter(c -> c.distinct() > 1 || c.headerScore() >= Candidate.OWN_NAME)
                .filter(c -> levels.stream().noneMatch(l -> IdentifierColumns.sameLabels(headers, data, profiles,
                        l.index(), c.index())))
                .forEach(levels::add);
        if (withoutTerritories && levels.size() == 1) {
            swap(winners, taken, TargetField.DEPARTMENT, levels.get(0).withReason("the organisation level beside the"
                    + " territory " + String.join(", ", territories) + ": a territory is where the money goes, not"
                    + " who holds the budget"));
            return Set.of(TargetField.DEPARTMENT);
        }
        if (levels.size() < 2) {
            return Set.of();
        }
        String order = String.join(" → ", levels.stream().map(c -> "'" + headers.get(c.index()) + "' ("
                + c.distinct() + ")").toList());
        Candidate top = levels.get(0);
        Candidate next = levels.get(1);
        swap(winners, taken, TargetField.DEPARTMENT, top.withReason("top of the organisation levels " + order
                + ": procurement budgets against the top named level"));
        if (!chosen.containsKey(TargetField.SUB_CATEGORY)) {
            Candidate asSub = Candidate.of(TargetField.SUB_CATEGORY, headers.get(next.index()), next.index(),
                    profiles.get(next.index()));
            swap(winners, taken, TargetField.SUB_CATEGORY, new Candidate(TargetField.SUB_CATEGORY, next.index(),
                    Math.max(asSub.score(), next.score()), asSub.headerScore(), false, asSub.fit(), next.distinct(),
                    "the organisation level below '" + headers.get(top.index()) + "'; " + next.reason()));
        }
        return Set.of(TargetField.DEPARTMENT, TargetField.SUB_CATEGORY);
    }

    /**
     * A column whose header alone names no level, read as the level above the department, or null. Its evidence is
     * the department's, capped: it rests on a header word and the data's shape, not on a header naming an organisation.
     */
    private static Candidate parentLevel(List<String> headers, List<ColumnProfile> profiles, List<DataRow> data,
                                         Candidate c, Candidate department) {
        String why = ParentLevels.above(headers, profiles, data, c.index(), department.index());
        return why == null ? null : new Candidate(c.field(), c.index(),
                Math.max(c.score(), Math.min(department.score(), PARENT_EVIDENCE)), c.headerScore(), false, c.fit(),
                c.distinct(), c.reason() + "; " + why);
    }

    /**
     * Two columns of one value each where one value abbreviates the other ("CAB" and "CABINET OFFICE", "DOH" and
     * "Department of Health"): one organisation, and the full name is what a person reads.
     */
    private static Optional<Candidate> nameBesideItsAbbreviation(List<DataRow> data, Candidate a, Candidate b) {
        String x = firstValue(data, a.index());
        String y = firstValue(data, b.index());
        if (x.isEmpty() || y.isEmpty() || x.length() == y.length()) {
            return Optional.empty();
        }
        boolean aLonger = x.length() > y.length();
        String shortName = (aLonger ? y : x).toUpperCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
        String longName = (aLonger ? x : y).toUpperCase(Locale.ROOT);
        String initials = Arrays.stream(longName.split("[^\\p{L}]+")).filter(w -> !w.isEmpty())
                .map(w -> w.substring(0, 1)).collect(Collectors.joining());
        boolean abbreviates = !shortName.isEmpty() && (longName.replaceAll("[^\\p{L}]", "").startsWith(shortName)
                || initials.contains(shortName));
        return abbreviates ? Optional.of(aLonger ? a : b) : Optional.empty();
    }

    private static String firstValue(List<DataRow> data, int index) {
        return data.stream().map(r -> r.cell(index).strip()).filter(v -> !v.isEmpty()).findFirst().orElse("");
    }

    private static boolean isTerritory(String header) {
        return Lexicon.wordIn(Lexicon.TERRITORY, HeaderNames.normalize(header)) != null;
    }

    /**
     * A "département" (or "departamento", "dept") column among two or more territory columns is the French or Latin
     * American territorial unit, not an organisation.
     */
    private static boolean territorial(List<String> headers, Candidate department) {
        String header = HeaderNames.normalize(headers.get(department.index()));
        return Lexicon.wordIn(Lexicon.TERRITORIAL_UNIT, header) != null && headers.stream()
                .filter(h -> Lexicon.wordIn(Lexicon.TERRITORY, HeaderNames.normalize(h)) != null).count() >= 2;
    }

    /**
     * "ORGANICO_1" and "ORGANICO_2", "Level 1" and "Level 2", "admin1" and "admin6 (label)": the same name numbered,
     * so the number orders them.
     */
    static boolean numberedLevels(String a, String b) {
        String x = HeaderNames.normalize(a);
        String y = HeaderNames.normalize(b);
        return !x.equals(y) && x.matches(".*\\d.*") && y.matches(".*\\d.*")
                && LEVEL_SUFFIX.matcher(x).replaceAll("").strip().equals(LEVEL_SUFFIX.matcher(y).replaceAll("").strip());
    }

    /** The level a numbered header names (1 for "admin1"), or a large number for headers without one. */
    private static int levelNumber(String header) {
        Matcher m = NUMBER.matcher(header);
        return m.find() && m.group().length() <= 2 ? Integer.parseInt(m.group()) : Integer.MAX_VALUE;
    }

    /** A code column chosen for a field gives way to the named label column it repeats in step with. */
    private static void labelForCode(TargetField field, List<String> headers, List<ColumnProfile> profiles,
                                     List<DataRow> data, Map<TargetField, Candidate> winners, Set<Integer> taken) {
        Candidate winner = winners.get(field);
        if (winner == null) {
            return;
        }
        Optional<Integer> label = IdentifierColumns.labelOf(winner.index(), headers, profiles, data)
                .filter(l -> !taken.contains(l) && !headers.get(l).isBlank());
        label.ifPresent(l -> {
            Candidate named = Candidate.of(field, headers.get(l), l, profiles.get(l));
            swap(winners, taken, field, new Candidate(field, l, Math.max(named.score(), winner.score()),
                    named.headerScore(), named.exactHeader(), named.fit(), named.distinct(), "'"
                    + headers.get(winner.index())
                    + "' holds codes and '" + headers.get(l) + "' their names: the label is mapped; "
                    + named.reason()));
        });
    }

    static void swap(Map<TargetField, Candidate> winners, Set<Integer> taken, TargetField field, Candidate next) {
        Candidate previous = winners.get(field);
        if (previous != null) {
            taken.remove(previous.index());
        }
        winners.values().removeIf(c -> c.index() == next.index() && c.field() != field);
        winners.put(field, next);
        taken.add(next.index());
    }
}
