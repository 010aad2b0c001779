package com.budgetsync.worker.activities;

import com.budgetsync.db.Json;
import com.budgetsync.mapping.ColumnMapping;
import com.budgetsync.mapping.HeaderDrift;
import com.budgetsync.mapping.HeaderSignature;
import java.util.List;

/**
 * The last mapping that imported for a config, with the header (and its signature) it was made for: a later file
 * whose header differs reports the drift in its history and is mapped afresh.
 */
record MappingMemory(String signature, List<String> headers, ColumnMapping mapping) {
    static MappingMemory of(List<String> headers, ColumnMapping mapping) {
        return new MappingMemory(HeaderSignature.of(headers), headers, mapping);
    }

    static List<String> drift(String memoryJson, List<String> headers) {
        if (memoryJson == null) {
            return List.of();
        }
        MappingMemory memory = Json.read(memoryJson, MappingMemory.class);
        if (memory.signature() != null && memory.signature().equals(HeaderSignature.of(headers))) {
            return List.of();
        }
        return HeaderDrift.between(memory.headers(), headers);
    }
}
