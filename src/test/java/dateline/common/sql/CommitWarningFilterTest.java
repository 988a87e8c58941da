package dateline.common.sql;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

class CommitWarningFilterTest {
    private final CommitWarningFilter filter = new CommitWarningFilter();

    @Test
    void agroalsWarningThatItClosedAConnectionBeforeACommitIsDropped() {
        assertFalse(filter.isLoggable(agroal("Datasource ''{0}'': {1}", "<default>", "Closing open connection(s) prior to commit")));
    }

    @Test
    void agroalsOtherWarningsAndEveryoneElsesAreKept() {
        assertTrue(filter.isLoggable(agroal("Datasource ''{0}'': {1}", "<default>", "Connection leak of 1 connection(s) detected")));
        ExtLogRecord other = new ExtLogRecord(Level.WARNING, "Closing open connection(s) prior to commit",
                ExtLogRecord.FormatStyle.NO_FORMAT, "dateline.Something");
        other.setLoggerName("dateline.Something");
        assertTrue(filter.isLoggable(other));
    }

    private static ExtLogRecord agroal(String format, Object... params) {
        ExtLogRecord record = new ExtLogRecord(Level.WARNING, format, ExtLogRecord.FormatStyle.MESSAGE_FORMAT, "io.agroal.pool");
        record.setLoggerName("io.agroal.pool");
        record.setParameters(params);
        return record;
    }
}
