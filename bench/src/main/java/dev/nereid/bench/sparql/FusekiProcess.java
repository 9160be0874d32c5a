package dev.nereid.bench.sparql;

import dev.nereid.bench.gremlin.ChildServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraphFactory;

/**
 * The SPARQL write benchmark's baseline, alone in its own JVM: Fuseki embedded, serving one in-memory
 * transactional dataset (the same Jena engine and in-memory store Nereid's RDF store is built on) at
 * {@code /ds}, on 127.0.0.1 only. Started by {@link ChildServer#start(String, Class, java.util.List)} and
 * driven over stdin/stdout in the same protocol as the Gremlin bench's servers:
 *
 * <pre>
 * out: ready PORT                  once the port accepts requests
 * in:  commits   out: commits -1   Fuseki keeps no change log
 * in:  stop, or end of input       the server is stopped, the JVM exits
 * </pre>
 */
public final class FusekiProcess {

    private FusekiProcess() {
    }

    public static void main(String[] args) throws IOException {
        FusekiServer server = FusekiServer.create()
                .loopback(true)
                .port(0)
                .add("/ds", DatasetGraphFactory.createTxnMem())
                .build()
                .start();
        System.out.println("ready " + server.getHttpPort());
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.equals("stop"); line = in.readLine()) {
            System.out.println(line.equals("commits") ? "commits -1" : "unknown command " + line);
            System.out.flush();
        }
        server.stop();
        System.out.println("stopped");
        System.out.flush();
        // Jetty's pools must not keep the JVM up once the driver is done with it.
        System.exit(0);
    }
}
