package jinshang;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.neo4j.cli.ExecutionContext;
import org.neo4j.commandline.admin.security.SetInitialPasswordCommand;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.neo4j.io.ByteUnit;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import picocli.CommandLine;

/**
 * The project's local Neo4j: an embedded Neo4j Community DBMS with only a Bolt connector, on
 * 127.0.0.1. Started (and stopped with SIGTERM) by graph/local_neo4j.py.
 *
 * <pre>
 *   JINSHANG_NEO4J_INITIAL_PASSWORD=... java -Xms1g -Xmx1g [module options] -cp 'lib/*' \
 *       jinshang.Launcher --home var/neo4j --port 7687 --pagecache 512m
 *   # prints: READY bolt://127.0.0.1:7687
 * </pre>
 *
 * The password comes from the environment, never from the command line (which any local user
 * can read with ps) and is never printed. It is in force before Bolt accepts a connection: a new
 * store never accepts the built-in neo4j/neo4j (see {@link #setInitialPassword}).
 */
public final class Launcher {
    static final String PASSWORD_ENV = "JINSHANG_NEO4J_INITIAL_PASSWORD";

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parseArgs(args);
        Path home = Path.of(opts.get("--home")).toAbsolutePath();
        int port = 0;
        long pagecache = 0;
        try {
            port = Integer.parseInt(opts.get("--port"));
            pagecache = ByteUnit.parse(opts.get("--pagecache"));
        } catch (IllegalArgumentException e) {  // one line for the user, not a stack trace
            fail("bad --port or --pagecache: " + e.getMessage());
        }
        String password = System.getenv(PASSWORD_ENV);
        if (password == null || password.isEmpty()) {
            fail("the environment variable " + PASSWORD_ENV + " is not set");
        }

        // Before the DBMS starts, so that the first start creates user neo4j with this password.
        setInitialPassword(home, password);

        // Registered before build() so a SIGTERM that arrives while the store is opening still
        // lets the JVM exit; once built, the DBMS is shut down cleanly (checkpoint, store unlocked).
        AtomicReference<DatabaseManagementService> running = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            DatabaseManagementService dbms = running.getAndSet(null);
            if (dbms != null) {
                System.out.println("STOPPING");
                dbms.shutdown();
                System.out.println("STOPPED");
            }
            stopped.countDown();
        }, "jinshang-shutdown"));

        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, pagecache)
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    // LOAD CSV may read only files under <home>/import, not anything the JVM can read.
                    .setConfig(GraphDatabaseSettings.load_csv_file_url_root, home.resolve("import"))
                    // There is no outside network here; usage reporting would only fail noisily.
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    // A runaway query should not hold the 2-core machine forever.
                    .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(5))
                    // A development store: keep a bounded amount of transaction log, not 2 days.
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "256M size")
                    .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(64))
                    // Netty waits this many idle seconds per event-loop group on shutdown; the
                    // default 5 made every stop take over 10 s for no benefit here.
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 1)
                    .build();
        } catch (RuntimeException e) {
            fail("Neo4j did not start: " + rootMessage(e));
            return;
        }
        running.set(dbms);

        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        setPassword(system, password);
        GraphDatabaseService neo4j = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!neo4j.isAvailable(Duration.ofMinutes(2).toMillis())) {
            fail("the default database did not become available");
        }

        System.out.println("READY bolt://127.0.0.1:" + port);
        System.out.flush();
        stopped.await();  // the shutdown hook releases this on SIGTERM / SIGINT
    }

    /**
     * Writes the initial user (neo4j, this password, no change required) to {@code
     * <home>/data/dbms/auth.ini}, exactly as {@code neo4j-admin dbms set-initial-password} does
     * (the same command class, run in-process so the password is never on a command line). The
     * DBMS reads that file when it creates the system database, i.e. on the first start of a new
     * store, before Bolt listens; so there is no moment where the built-in neo4j/neo4j is accepted.
     * On an existing store the file is ignored, and {@link #setPassword} applies a changed password.
     */
    static void setInitialPassword(Path home, String password) {
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        PrintStream sink = new PrintStream(said, true, StandardCharsets.UTF_8);
        int rc;
        try (DefaultFileSystemAbstraction fs = new DefaultFileSystemAbstraction()) {
            ExecutionContext ctx = new ExecutionContext(home, home.resolve("conf"), sink, sink, fs);
            // "--": a password that starts with '-' is still the password, not an option.
            rc = new CommandLine(new SetInitialPasswordCommand(ctx)).execute("--", password);
        } catch (Exception e) {
            rc = -1;
            sink.println(rootMessage(e));
        }
        if (rc != 0) {  // the command's own words, with the password masked should it echo it
            String why = said.toString(StandardCharsets.UTF_8).replace(password, "***").trim();
            fail("could not set the initial password of user neo4j: " + why.replaceAll("\\s+", " "));
        }
    }

    /**
     * Sets the password of user neo4j after start, so that a store made earlier picks up a
     * changed var/neo4j/password. On a new store it is already right (setInitialPassword): Neo4j
     * refuses to "change" a password to the same value, and that refusal means it is right.
     */
    static void setPassword(GraphDatabaseService system, String password) {
        try (Transaction tx = system.beginTx()) {
            tx.execute("ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
            tx.commit();
        } catch (RuntimeException e) {
            String message = rootMessage(e);
            if (!message.contains("cannot be the same")) {
                fail("could not set the password of user neo4j: " + message);
            }
        }
    }

    static Map<String, String> parseArgs(String[] args) {
        Map<String, String> opts = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i], args[i + 1]);
        }
        for (String required : new String[] {"--home", "--port", "--pagecache"}) {
            if (!opts.containsKey(required)) {
                fail("usage: Launcher --home DIR --port N --pagecache SIZE (missing " + required + ")");
            }
        }
        return opts;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String here = e.getMessage() == null ? e.toString() : e.getMessage();
        return t == e ? here : here + " (cause: " + t + ")";
    }

    static void fail(String message) {
        System.err.println("FAILED " + message);
        System.err.flush();
        System.exit(1);  // runs the shutdown hook, which closes the DBMS if it got that far
    }
}
