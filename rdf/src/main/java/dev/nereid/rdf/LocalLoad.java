package dev.nereid.rdf;

import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.modify.request.UpdateLoad;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code LOAD <file:…> [INTO GRAPH <g>]}: reads an RDF document from the server's load directory, and
 * nowhere else — a LOAD names a place for the server to read, on the client's say-so, so only files an
 * operator put there are readable (no other file, no URL). The document is parsed whole before anything
 * is written, so a document that fails to parse writes nothing, with or without SILENT.
 *
 * <p>Triples go to the INTO graph or, without one, to the graph updates address; quads of an N-Quads or
 * TriG document keep their graph unless INTO names one. The syntax comes from the file's extension.
 */
final class LocalLoad {

    private final Path directory;

    /** @param directory the load directory, or null: LOAD is then refused */
    LocalLoad(Path directory) {
        this.directory = directory;
    }

    /** The quads the document holds, in document order, each in the graph it goes to. */
    List<Quad> read(UpdateLoad load) {
        String iri = load.getSource();
        if (directory == null) {
            throw new NereidException(ErrorCode.UNSUPPORTED_OPERATION,
                    "LOAD is not enabled on this server (start it with --sparql-load-dir)");
        }
        Path file = fileIn(iri);
        Lang lang = RDFLanguages.filenameToLang(file.getFileName().toString());
        if (lang == null) {
            throw new NereidException(ErrorCode.BAD_REQUEST, "Cannot tell the RDF syntax of " + iri + " from its extension");
        }
        Node into = load.getDest();
        List<Quad> quads = new ArrayList<>();
        try {
            RDFParser.source(file).lang(lang).base(iri)
                    // A bad document is the client's error, answered in full; the server log need not repeat it.
                    .errorHandler(ErrorHandlerFactory.errorHandlerStrictNoLogging).parse(new StreamRDFBase() {
                @Override
                public void triple(Triple t) {
                    quads.add(Quad.create(into == null ? Quad.defaultGraphIRI : into, t));
                }

                @Override
                public void quad(Quad q) {
                    quads.add(into == null ? q : Quad.create(into, q.asTriple()));
                }
            });
        } catch (RiotException e) {
            throw new NereidException(ErrorCode.BAD_REQUEST, "Cannot parse " + iri + ": " + e.getMessage());
        }
        return quads;
    }

    /** The file a {@code file:} IRI names, if it is a readable file inside the load directory. */
    private Path fileIn(String iri) {
        Path file;
        try {
            URI uri = new URI(iri);
            if (!"file".equalsIgnoreCase(uri.getScheme())) {
                throw new NereidException(ErrorCode.UNSUPPORTED_OPERATION,
                        "LOAD reads only file: IRIs in the server's load directory, not " + iri);
            }
            file = Path.of(uri);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new NereidException(ErrorCode.BAD_REQUEST, "Not a file IRI: " + iri);
        }
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(directory.toRealPath()) || !Files.isRegularFile(real)) {
                throw notReadable(iri);
            }
            return real;
        } catch (IOException e) {
            throw notReadable(iri);
        }
    }

    /** One answer for missing, outside and unreadable, so a client learns nothing about other files. */
    private static NereidException notReadable(String iri) {
        return new NereidException(ErrorCode.BAD_REQUEST, "Cannot read " + iri + ": no such file in the load directory");
    }
}
