package com.budgetsync.workflow;

/**
 * What a retention pass deleted: files whose contents went and their bytes, history rows, file rows no run refers to
 * any more, and the chunk table's size (TOAST included) before and after its VACUUM.
 */
public record RetentionReport(long filesPurged, long bytesPurged, long historyDeleted, long fileRowsDeleted,
                              long chunkBytesBefore, long chunkBytesAfter) {
}
