package dateline.common.sql;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Drops one warning Agroal logs on every publish: "Closing open connection(s) prior to commit". The
 * statements Dateline runs just before a commit (the sync log, CDN purges and cluster notifications, in
 * {@code DeliveryCommitting}) go through Hibernate, which hands its connection back only after the commit,
 * while Agroal checks for open connections just before it, warns, and closes the connection itself, which
 * is what Hibernate would have done (quarkusio/quarkus#41757). One harmless WARN per publish would bury the
 * warnings that matter; every other Agroal message is kept.
 */
@LoggingFilter(name = "commit-warning")
public final class CommitWarningFilter implements Filter {
    @Override
    public boolean isLoggable(LogRecord record) {
        String logger = record.getLoggerName();
        if (logger == null || !logger.startsWith("io.agroal")) {
            return true;
        }
        // Quarkus logs Agroal's warnings as "Datasource '{0}': {1}", the text being a parameter.
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        return message == null || !message.contains("Closing open connection(s) prior to commit");
    }
}
