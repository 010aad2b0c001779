package com.budgetsync.parsing;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * Pulls the rows of one worksheet part with StAX. Formula cells give their cached value ({@code <v>}), date-formatted
 * numbers become ISO dates, other numbers exact decimals.
 */
final class XlsxSheetRows implements RawRows {
    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private final InputStream in;
    private final XMLStreamReader xml;
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    private final Map<Integer, Boolean> dateStyles = new HashMap<>();
    private long lastRow;

    XlsxSheetRows(InputStream in, ReadOnlySharedStringsTable strings, StylesTable styles) throws IOException {
        this.in = in;
        this.strings = strings;
        this.styles = styles;
        try {
            this.xml = XML.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw new IOException("cannot read the sheet XML: " + e.getMessage(), e);
        }
    }

    @Override
    public DataRow next() throws IOException {
        try {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
                    String r = xml.getAttributeValue(null, "r");
                    lastRow = r == null ? lastRow + 1 : Long.parseLong(r);
                    return new DataRow(lastRow, readCells());
                }
            }
            return null;
        } catch (XMLStreamException | RuntimeException e) {
            throw new IOException("cannot read row " + (lastRow + 1) + " of the sheet: " + e.getMessage(), e);
        }
    }

    private List<String> readCells() throws XMLStreamException {
        List<String> cells = new ArrayList<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
                return cells;
            }
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("c")) {
                String ref = xml.getAttributeValue(null, "r");
                int column = ref == null ? cells.size() : columnIndex(ref);
                String type = xml.getAttributeValue(null, "t");
                String style = xml.getAttributeValue(null, "s");
                String value = readCell(type, style == null ? 0 : Integer.parseInt(style));
                while (cells.size() < column) {
                    cells.add("");
                }
                cells.add(value);
            }
        }
        return cells;
    }

    /** Reads up to the end of the {@code <c>} element and returns the cell's text. */
    private String readCell(String type, int style) throws XMLStreamException {
        String raw = null;
        StringBuilder inline = new StringBuilder();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("c")) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "v" -> raw = xml.getElementText();
                    case "t" -> inline.append(xml.getElementText());
                    default -> {
                    }
                }
            }
        }
        if ("inlineStr".equals(type)) {
            return inline.toString().strip();
        }
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        return switch (type == null ? "n" : type) {
            case "s" -> strings.getItemAt(Integer.parseInt(raw.trim())).getString().strip();
            case "b" -> raw.equals("1") ? "TRUE" : "FALSE";
            case "d" -> raw.endsWith("T00:00:00") ? raw.substring(0, raw.length() - 9) : raw;
            case "n" -> isDate(style) ? ExcelValues.date(Double.parseDouble(raw)) : ExcelValues.number(new BigDecimal(raw));
            default -> raw.strip();
        };
    }

    private boolean isDate(int style) {
        if (styles == null) {
            return false;
        }
        return dateStyles.computeIfAbsent(style, s -> {
            XSSFCellStyle cellStyle = styles.getStyleAt(s);
            return cellStyle != null
                    && ExcelValues.isDateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString());
        });
    }

    private static int columnIndex(String ref) {
        int column = 0;
        for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
            column = column * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
        }
        return column - 1;
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        } finally {
            in.close();
        }
    }
}
