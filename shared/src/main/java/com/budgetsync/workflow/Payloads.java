package com.budgetsync.workflow;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.converter.JacksonJsonPayloadConverter;

/**
 * How workflow inputs and results are written to Temporal: readable JSON, and tolerant of fields a newer or older
 * deployment added, so a run started by one version can finish on the next.
 */
public final class Payloads {
    private Payloads() {
    }

    public static DataConverter converter() {
        ObjectMapper mapper = JacksonJsonPayloadConverter.newDefaultObjectMapper()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return DefaultDataConverter.newDefaultInstance()
                .withPayloadConverterOverrides(new JacksonJsonPayloadConverter(mapper));
    }
}
