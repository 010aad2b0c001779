package com.budgetsync.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What changed between the header a config's mapping was made for and a new file's header, in words a finance user
 * reads in a notification: "column 'Region' added", "column 'Dept' renamed to 'Department'", "column 'Notes'
 * removed", "columns reordered". Headers compare after normalisation, so case and punctuation are not drift.
 */
public final class HeaderDrift {
    private HeaderDrift() {
    }

    public static List<String> between(List<String> oldHeaders, List<String> newHeaders) {
        List<String> oldNames = normalized(oldHeaders);
        List<String> newNames = normalized(newHeaders);
        Set<String> oldSet = Set.copyOf(oldNames);
        Set<String> newSet = Set.copyOf(newNames);
        List<String> changes = new ArrayList<>();
        List<Integer> added = new ArrayList<>();
        for (int i = 0; i < newNames.size(); i++) {
            if (!oldSet.contains(newNames.get(i))) {
                added.add(i);
            }
        }
        for (int i = 0; i < oldNames.size(); i++) {
            if (newSet.contains(oldNames.get(i))) {
                continue;
            }
            // A column gone from a position where a new one appeared was most likely renamed.
            if (added.contains(i)) {
                changes.add("column '" + oldHeaders.get(i) + "' renamed to '" + newHeaders.get(i) + "'");
                added.remove(Integer.valueOf(i));
            } else {
                changes.add("column '" + oldHeaders.get(i) + "' removed");
            }
        }
        added.forEach(i -> changes.add("column '" + newHeaders.get(i) + "' added"));
        List<String> oldCommon = oldNames.stream().filter(newSet::contains).toList();
        List<String> newCommon = newNames.stream().filter(oldSet::contains).toList();
        if (!oldCommon.equals(newCommon)) {
            changes.add("columns reordered");
        }
        return changes;
    }

    private static List<String> normalized(List<String> headers) {
        return headers.stream().map(HeaderNames::normalize).collect(Collectors.toList());
    }
}
