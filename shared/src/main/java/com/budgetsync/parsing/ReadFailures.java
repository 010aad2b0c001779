package com.budgetsync.parsing;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.openxml4j.exceptions.ODFNotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.poifs.filesystem.NotOLE2FileException;
import org.apache.poi.poifs.filesystem.OfficeXmlFileException;

/**
 * Why a spreadsheet library could not open a workbook, in words for the person who sent it: what the file is and
 * what to do. The library's own message (class names, record dumps, temporary paths) never reaches them.
 */
final class ReadFailures {
    private ReadFailures() {
    }

    /** {@code <file>: not a readable .xlsx workbook: <why>}. */
    static UnreadableFileException xlsx(String filename, Throwable e) {
        return new UnreadableFileException(filename + ": not a readable .xlsx workbook: " + xlsxReason(e), e);
    }

    /** {@code <file>: not a readable .xls workbook: <why>}. */
    static UnreadableFileException xls(String filename, Throwable e) {
        return new UnreadableFileException(filename + ": not a readable .xls workbook: " + xlsReason(e), e);
    }

    /** A workbook that opened but failed while its sheets were listed or read. */
    static UnreadableFileException workbook(String filename, FileFormat format, Throwable e) {
        return format == FileFormat.XLS ? xls(filename, e) : xlsx(filename, e);
    }

    /** {@code <file>: sheet '<sheet>' cannot be read past row <n>: ...}: the row a damaged sheet stops at. */
    static UnreadableFileException sheet(String filename, FileFormat format, String sheet, long lastRow, Throwable e) {
        return new UnreadableFileException(filename + ": sheet '" + sheet + "' cannot be read "
                + (lastRow > 0 ? "past row " + lastRow : "from its first row") + ": the "
                + (format == FileFormat.XLS ? ".xls" : ".xlsx") + " workbook is damaged or cut short; open it in Excel"
                + " and save it again, or export it as .csv", e);
    }

    /** The CSV reader's complaint (quoting, mostly), with the line it names when it names one. */
    static UnreadableFileException csv(String filename, Throwable e) {
        Matcher line = LINE.matcher(String.valueOf(e.getMessage()) + " " + (e.getCause() == null ? ""
                : String.valueOf(e.getCause().getMessage())));
        return new UnreadableFileException(filename + ": not valid CSV" + (line.find() ? " near line "
                + line.group(1) : "") + " (a quote opened and never closed, or text right after a closing quote);"
                + " export it again from the spreadsheet", e);
    }

    /** {@code <file>: this is <what>, not a spreadsheet; ...}: a PDF, image, archive, program or web page. */
    static UnreadableFileException notASpreadsheet(String filename, String what) {
        return new UnreadableFileException(filename + ": this is " + what + ", not a spreadsheet; send the budget"
                + " table as .xlsx, .xls or .csv");
    }

    static UnreadableFileException openDocument(String filename) {
        return new UnreadableFileException(filename + ": this is an OpenDocument spreadsheet (.ods), which this"
                + " service does not read; save it as .xlsx or .csv");
    }

    /** A compressed drop that unpacks past {@link UnpackLimits#maxUnpackedBytes()}. */
    static UnreadableFileException unpacksTooLarge(String filename, UnpackLimits limits) {
        return new UnreadableFileException(filename + ": the archive unpacks to more than "
                + megabytes(limits.maxUnpackedBytes()) + ", more than a budget file holds; it was not read further."
                + " Send the budget file alone, or split it");
    }

    /** A compressed drop that unpacks past {@link UnpackLimits#maxRatio()} times its packed size: a zip bomb. */
    static UnreadableFileException unpacksTooFar(String filename, UnpackLimits limits) {
        return new UnreadableFileException(filename + ": the archive unpacks to more than " + limits.maxRatio()
                + " times its own size, which no budget export does (it looks built to exhaust the reader); it was"
                + " not read further. Send the budget file itself, or pack it again with an ordinary zip tool");
    }

    static UnreadableFileException tooManyEntries(String filename, UnpackLimits limits) {
        return new UnreadableFileException(filename + ": the archive holds more than "
                + String.format(java.util.Locale.ROOT, "%,d", limits.maxEntries()) + " files; it was not read"
                + " further. Send a zip holding the budget file alone");
    }

    static UnreadableFileException emptyArchive(String filename) {
        return new UnreadableFileException(filename + ": the archive holds no files");
    }

    /** A zip of several files none or more than one of which the config's file pattern picks. */
    static UnreadableFileException whichEntry(String filename, int files, String listed, String pattern,
                                              int matching) {
        return new UnreadableFileException(filename + ": the archive holds " + files + " files (" + listed
                + ") and the file pattern '" + pattern + "' matches " + (matching == 0 ? "none" : matching)
                + " of them, so which one is the budget is unclear; leave only the budget file in the archive, or set"
                + " the config's sourceConfig.filePattern to match just it (e.g. budget*.csv)");
    }

    static UnreadableFileException damagedArchive(String filename, String kind, Throwable e) {
        boolean locked = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("encrypt");
        return new UnreadableFileException(filename + ": not a readable " + kind + " archive: " + (locked
                ? "it is password-protected; pack it again without a password"
                : "it is damaged or cut short, or packed in a form this service does not read; pack it again"), e);
    }

    private static String megabytes(long bytes) {
        return bytes >= 1L << 30 && bytes % (1L << 30) == 0 ? (bytes >> 30) + " GB" : (bytes >> 20) + " MB";
    }

    static UnreadableFileException empty(String filename) {
        return new UnreadableFileException(filename + ": the file is empty");
    }

    static UnreadableFileException noRows(String filename) {
        return new UnreadableFileException(filename + ": the file has a header row but no rows of data");
    }

    private static final Pattern LINE = Pattern.compile("line:?\\s*(\\d+)", Pattern.CASE_INSENSITIVE);

    private static String xlsxReason(Throwable e) {
        if (has(e, EncryptedDocumentException.class)) {
            return PASSWORD;
        }
        if (has(e, ODFNotOfficeXmlFileException.class)) {
            return "it is an OpenDocument spreadsheet (.ods); save it as .xlsx or .csv";
        }
        if (has(e, OLE2NotOfficeXmlFileException.class)) {
            return "it is an older .xls workbook (or another Office file) with an .xlsx name; save it as .xlsx, or"
                    + " send it named .xls";
        }
        return DAMAGED;
    }

    private static String xlsReason(Throwable e) {
        if (has(e, EncryptedDocumentException.class)) {
            return PASSWORD;
        }
        if (has(e, OfficeXmlFileException.class)) {
            return "it is an .xlsx workbook with an .xls name; send it named .xlsx";
        }
        if (has(e, OldExcelFormatException.class)) {
            return "it is in an Excel format older than Excel 97; save it as .xlsx or .csv";
        }
        if (has(e, NotOLE2FileException.class)) {
            return "it is not an Excel workbook (another kind of file with an .xls name)";
        }
        return DAMAGED;
    }

    private static final String PASSWORD = "it is password-protected; save it without a password";
    private static final String DAMAGED = "it is damaged or cut short, or another kind of file with an Excel name;"
            + " open it in Excel and save it again, or export it as .csv";

    /** Whether reading failed in the database that holds the file rather than in the file. */
    static boolean fromDatabase(Throwable e) {
        return has(e, SQLException.class);
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
