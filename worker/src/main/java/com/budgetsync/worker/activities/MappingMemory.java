package com.budgetsync.worker.activities;

import com.budgetsync.db.Json;
import com.budgetsync.mapping.ColumnMapping;
import java.util.ArrayList;
import java.util.List;

/** The last mapping that imported for a config, with the header it was made for, to report drift. */
record MappingMemory(List<String> headers, ColumnMapping mapping) {
    static List<String> drift(String memoryJson, List<String> headers) {
        if (memoryJson == null) {
            return List.of();
        }
        MappingMemory memory = Json.read(memoryJson, MappingMemory.class);
        List<String> changes = new ArrayList<>();
        memory.headers().stream().filter(h -> !headers.contains(h))
                .forEach(h -> changes.add("column '" + h + "' removed or renamed"));
        headers.stream().filter(h -> !memory.headers().contains(h))
                .forEach(h -> changes.add("column '" + h + "' added"));
        return changes;
    }
}
