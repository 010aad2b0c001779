package com.budgetsync.api.resources;

import com.budgetsync.api.errors.ApiException;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The content types a budget file may be sent as (uploads, mapping preview); anything else is refused with 415
 * before a byte of it is read, so HTML, JSON or scripts never reach the file readers.
 */
final class FileContentTypes {
    static final List<MediaType> ACCEPTED = List.of(MediaType.valueOf("text/csv"),
            MediaType.valueOf("text/tab-separated-values"), MediaType.TEXT_PLAIN_TYPE,
            MediaType.APPLICATION_OCTET_STREAM_TYPE,
            MediaType.valueOf("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            MediaType.valueOf("application/vnd.ms-excel"));

    private FileContentTypes() {
    }

    static void check(MediaType type) {
        if (type == null || ACCEPTED.stream().noneMatch(accepted -> accepted.isCompatible(type))) {
            throw new ApiException(415, "Content-Type " + (type == null ? "missing" : "'" + type + "' not accepted")
                    + "; send one of: " + ACCEPTED.stream().map(MediaType::toString).collect(Collectors.joining(", "))
                    + ", or multipart/form-data with a 'file' part");
        }
    }
}
