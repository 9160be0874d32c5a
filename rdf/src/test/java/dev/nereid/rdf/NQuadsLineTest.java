package dev.nereid.rdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.nereid.stream.RdfData;

class NQuadsLineTest {

    private static final String EX = "http://example.org/";
    private static final String XSD_INT = "http://www.w3.org/2001/XMLSchema#int";
    private static final Node S = iri("s");
    private static final Node P = iri("p");
    private static final Node G = iri("g");

    private static Node iri(String local) {
        return NodeFactory.createURI(EX + local);
    }

    private static Node str(String lex) {
        return NodeFactory.createLiteralString(lex);
    }

    private static Node typed(String lex, String datatype) {
        return NodeFactory.createLiteralDT(lex, TypeMapper.getInstance().getSafeTypeByName(datatype));
    }

    private static Quad triple(Node s, Node p, Node o) {
        return Quad.create(NQuadsLine.DEFAULT_GRAPH, s, p, o);
    }

    // ---- spec §6.3, verbatim

    @Test
    void defaultGraphIsNeptunesDefaultNamedGraph() {
        assertThat(NQuadsLine.DEFAULT_GRAPH.getURI())
                .isEqualTo("http://aws.amazon.com/neptune/vocab/v01/DefaultNamedGraph");
    }

    @Test
    void writesEveryWorkedExampleOfSection63() {
        Node b3 = NodeFactory.createBlankNode("3");
        assertThat(NQuadsLine.of(triple(S, P, str("a"))))
                .isEqualTo("<http://example.org/s> <http://example.org/p> \"a\" .\n");
        assertThat(NQuadsLine.of(triple(S, iri("label"), NodeFactory.createLiteralLang("chat", "fr"))))
                .isEqualTo("<http://example.org/s> <http://example.org/label> \"chat\"@fr .\n");
        assertThat(NQuadsLine.of(Quad.create(G, S, iri("n"), NodeFactory.createLiteralDT("5", XSDDatatype.XSDint))))
                .isEqualTo("<http://example.org/s> <http://example.org/n> \"5\"^^<http://www.w3.org/2001/XMLSchema#int>"
                        + " <http://example.org/g> .\n");
        assertThat(NQuadsLine.of(triple(S, P, str("b"))))
                .isEqualTo("<http://example.org/s> <http://example.org/p> \"b\" .\n");
        assertThat(NQuadsLine.of(triple(S, iri("addr"), b3)))
                .isEqualTo("<http://example.org/s> <http://example.org/addr> _:b3 .\n");
        assertThat(NQuadsLine.of(triple(b3, iri("city"), str("Paris"))))
                .isEqualTo("_:b3 <http://example.org/city> \"Paris\" .\n");
    }

    @Test
    void exampleCDataFieldIsByteExact() {
        String stmt = NQuadsLine.of(triple(S, iri("label"), NodeFactory.createLiteralLang("chat", "fr")));
        assertThat(new String(new RdfData(stmt).toJson(), StandardCharsets.UTF_8))
                .isEqualTo("{\"stmt\":\"<http://example.org/s> <http://example.org/label> \\\"chat\\\"@fr .\\n\"}");
    }

    @Test
    void theRemoveOfABlankNodeNamesTheNodeTheAddNamed() {
        String add = NQuadsLine.of(triple(S, iri("addr"), NodeFactory.createBlankNode("3")));
        Quad replayed = NQuadsLine.parse(add);
        assertThat(replayed.getObject()).isEqualTo(NodeFactory.createBlankNode("3"));
        assertThat(NQuadsLine.of(replayed)).isEqualTo(add);
    }

    // ---- graph term

    @Test
    void defaultGraphQuadsAreTriplesAndOtherGraphsAreTheFourthTerm() {
        String triple = "<http://example.org/s> <http://example.org/p> <http://example.org/o> .\n";
        assertThat(NQuadsLine.of(triple(S, P, iri("o")))).isEqualTo(triple);
        assertThat(NQuadsLine.of(Quad.create(Quad.defaultGraphIRI, S, P, iri("o")))).isEqualTo(triple);
        assertThat(NQuadsLine.of(Quad.create(Quad.defaultGraphNodeGenerated, S, P, iri("o")))).isEqualTo(triple);
        assertThat(NQuadsLine.of(Quad.create(G, S, P, iri("o"))))
                .isEqualTo("<http://example.org/s> <http://example.org/p> <http://example.org/o> <http://example.org/g> .\n");
    }

    @Test
    void parsesATripleIntoTheDefaultGraphAndAQuadIntoItsGraph() {
        assertThat(NQuadsLine.parse("<http://example.org/s> <http://example.org/p> <http://example.org/o> .\n"))
                .isEqualTo(triple(S, P, iri("o")));
        assertThat(NQuadsLine.parse("<http://example.org/s> <http://example.org/p> <http://example.org/o> <http://example.org/g> .\n"))
                .isEqualTo(Quad.create(G, S, P, iri("o")));
    }

    // ---- literals

    @Test
    void escapesEchoCharactersAndOtherControlsAsUppercaseUchar() {
        String lex = "q\"b\\s\nr\rt\tb\bf\f" + "\u0001\u001F\u007F\u0000" + "'end";
        assertThat(NQuadsLine.of(triple(S, P, str(lex))))
                .isEqualTo("<http://example.org/s> <http://example.org/p> "
                        + "\"q\\\"b\\\\s\\nr\\rt\\tb\\bf\\f\\u0001\\u001F\\u007F\\u0000'end\" .\n");
    }

    @Test
    void keepsNonAsciiRaw() {
        String lex = "caf\u00E9 \u65E5\u672C \uD83D\uDE00 \u0080\u2028";
        assertThat(NQuadsLine.of(triple(S, P, str(lex))))
                .isEqualTo("<http://example.org/s> <http://example.org/p> \"" + lex + "\" .\n");
    }

    @Test
    void keepsABackslashUSequenceInTheLexicalFormAsText() {
        // The six characters backslash-u-0041, not "A": the backslash is escaped so replay keeps them.
        assertThat(NQuadsLine.of(triple(S, P, str("\\u0041"))))
                .isEqualTo("<http://example.org/s> <http://example.org/p> \"\\\\u0041\" .\n");
    }

    @Test
    void lowercasesLanguageTagsAndKeepsTheDirection() {
        assertThat(NQuadsLine.of(triple(S, P, NodeFactory.createLiteralLang("chat", "FR"))))
                .isEqualTo("<http://example.org/s> <http://example.org/p> \"chat\"@fr .\n");
        assertThat(NQuadsLine.of(triple(S, P, NodeFactory.createLiteralLang("color", "en-US"))))
                .isEqualTo("<http://example.org/s> <http://example.org/p> \"color\"@en-us .\n");
        assertThat(NQuadsLine.of(triple(S, P, NodeFactory.createLiteralLang("x", "zh-Hant-TW"))))
                .isEqualTo("<http://example.org/s> <http://example.org/p> \"x\"@zh-hant-tw .\n");
        assertThat(NQuadsLine.of(triple(S, P, NodeFactory.createLiteralDirLang("\u0645\u0631\u062D\u0628\u0627", "AR-eg", "rtl"))))
                .isEqualTo("<http://example.org/s> <http://example.org/p> \"\u0645\u0631\u062D\u0628\u0627\"@ar-eg--rtl .\n");
    }

    @Test
    void writesTypedLiteralsWithTheFullDatatypeIriAndTheStoredLexicalForm() {
        assertThat(NQuadsLine.of(triple(S, P, NodeFactory.createLiteralDT("05", XSDDatatype.XSDint))))
                .isEqualTo("<http://example.org/s> <http://example.org/p> \"05\"^^<http://www.w3.org/2001/XMLSchema#int> .\n");
        assertThat(NQuadsLine.of(triple(S, P, NodeFactory.createLiteralDT("abc", XSDDatatype.XSDint))))
                .isEqualTo("<http://example.org/s> <http://example.org/p> \"abc\"^^<http://www.w3.org/2001/XMLSchema#int> .\n");
        assertThat(NQuadsLine.of(triple(S, P, NodeFactory.createLiteralDT("a", XSDDatatype.XSDstring))))
                .isEqualTo("<http://example.org/s> <http://example.org/p> \"a\" .\n");
        assertThat(NQuadsLine.of(triple(S, P, typed("1", EX + "my type"))))
                .isEqualTo("<http://example.org/s> <http://example.org/p> \"1\"^^<http://example.org/my\\u0020type> .\n");
    }

    @Test
    void parsesLiteralsWithoutCanonicalisingThem() {
        Node five = NQuadsLine.parse("<http://example.org/s> <http://example.org/p> \"05\"^^<" + XSD_INT + "> .\n").getObject();
        assertThat(five.getLiteralLexicalForm()).isEqualTo("05");
        assertThat(five.getLiteralDatatypeURI()).isEqualTo(XSD_INT);
        assertThat(five).isEqualTo(NodeFactory.createLiteralDT("05", XSDDatatype.XSDint))
                .isNotEqualTo(NodeFactory.createLiteralDT("5", XSDDatatype.XSDint));

        Node plain = NQuadsLine.parse("<http://example.org/s> <http://example.org/p> \"a\" .\n").getObject();
        assertThat(plain.getLiteralDatatypeURI()).isEqualTo(XSDDatatype.XSDstring.getURI());
        assertThat(plain.getLiteralLanguage()).isEmpty();

        Node lang = NQuadsLine.parse("<http://example.org/s> <http://example.org/p> \"chat\"@fr .\n").getObject();
        assertThat(lang).isEqualTo(NodeFactory.createLiteralLang("chat", "fr")).isNotEqualTo(str("chat"));
    }

    // ---- IRIs and blank nodes

    @Test
    void escapesTheCharactersIrirefForbids() {
        String iri = EX + "a b>c{d}e|f^g`h\\i\"j<k\u0000\t\u0020l";
        assertThat(NQuadsLine.of(triple(S, P, NodeFactory.createURI(iri))))
                .isEqualTo("<http://example.org/s> <http://example.org/p> <http://example.org/a\\u0020b\\u003Ec\\u007Bd\\u007De"
                        + "\\u007Cf\\u005Eg\\u0060h\\u005Ci\\u0022j\\u003Ck\\u0000\\u0009\\u0020l> .\n");
        assertThat(NQuadsLine.of(triple(S, P, iri("caf\u00E9/\uD83D\uDE00"))))
                .isEqualTo("<http://example.org/s> <http://example.org/p> <http://example.org/caf\u00E9/\uD83D\uDE00> .\n");
    }

    @Test
    void writesBlankNodesAsUnderscoreColonBAndTheStoredLabel() {
        assertThat(NQuadsLine.of(Quad.create(G, NodeFactory.createBlankNode("x7Y"), P, NodeFactory.createBlankNode("42"))))
                .isEqualTo("_:bx7Y <http://example.org/p> _:b42 <http://example.org/g> .\n");
    }

    @Test
    void refusesBlankLabelsOutsideAlphanumerics() {
        assertThat(NQuadsLine.isStorableBlankLabel("3")).isTrue();
        assertThat(NQuadsLine.isStorableBlankLabel("abcXYZ09")).isTrue();
        assertThat(NQuadsLine.isStorableBlankLabel("")).isFalse();
        assertThat(NQuadsLine.isStorableBlankLabel(null)).isFalse();
        assertThat(NQuadsLine.isStorableBlankLabel("b-1")).isFalse();
        assertThat(NQuadsLine.isStorableBlankLabel("a_b")).isFalse();
        assertThat(NQuadsLine.isStorableBlankLabel("a.b")).isFalse();
        assertThat(NQuadsLine.isStorableBlankLabel("\u00E9")).isFalse();
        // Jena's fresh labels are UUIDs: the store has to label its blank nodes itself.
        assertThatThrownBy(() -> NQuadsLine.of(triple(NodeFactory.createBlankNode(), P, str("a"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[A-Za-z0-9]+");
        assertThatThrownBy(() -> NQuadsLine.of(triple(S, P, NodeFactory.createBlankNode("a b"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a b");
    }

    // ---- terms that cannot be written

    @Test
    void refusesTermsThatHaveNoNQuadsForm() {
        Node o = iri("o");
        Stream.of(
                triple(Var.alloc("s"), P, o),
                triple(S, Var.alloc("p"), o),
                triple(S, P, Var.alloc("o")),
                Quad.create(Var.alloc("g"), S, P, o),
                triple(S, P, Node.ANY),
                triple(str("lit"), P, o),
                triple(S, NodeFactory.createBlankNode("1"), o),
                triple(S, str("p"), o),
                triple(S, P, NodeFactory.createTripleTerm(S, P, o)),
                Quad.create(NodeFactory.createBlankNode("1"), S, P, o),
                Quad.create(Quad.unionGraph, S, P, o),
                Quad.create(null, S, P, o),
                triple(S, P, NodeFactory.createLiteralDT("x", RDF.dtLangString)),
                triple(S, P, str("a\uD800b")),
                triple(S, P, str("a\uDC00")),
                triple(S, P, str("a\uD83D")),
                triple(S, P, iri("a\uDE00")))
            .forEach(q -> assertThatThrownBy(() -> NQuadsLine.of(q))
                    .as("%s", q)
                    .isInstanceOf(IllegalArgumentException.class));
    }

    // ---- round trip

    static Stream<Quad> storedQuads() {
        return Stream.concat(quadsWithValidIris(), quadsWithIrisRdfForbids());
    }

    static Stream<Quad> quadsWithValidIris() {
        Node b = NodeFactory.createBlankNode("b3");
        return Stream.of(
                triple(S, P, str("a")),
                Quad.create(G, S, iri("n"), NodeFactory.createLiteralDT("5", XSDDatatype.XSDint)),
                triple(S, P, iri("o")),
                Quad.create(G, S, P, iri("o")),
                triple(S, P, str("")),
                triple(S, P, str("q\"b\\s\nr\rt\tb\bf\f\u0001\u001F\u007F\u0000'")),
                triple(S, P, str("caf\u00E9 \u65E5\u672C \uD83D\uDE00")),
                triple(S, P, str("\\u0041 \\n")),
                triple(S, P, NodeFactory.createLiteralLang("chat", "FR")),
                triple(S, P, NodeFactory.createLiteralLang("color", "en-US")),
                triple(S, P, NodeFactory.createLiteralLang("x", "zh-Hant-TW")),
                triple(S, P, NodeFactory.createLiteralDirLang("x", "ar-EG", "rtl")),
                triple(S, P, NodeFactory.createLiteralDirLang("x", "en", "ltr")),
                triple(S, P, NodeFactory.createLiteralDT("05", XSDDatatype.XSDint)),
                triple(S, P, NodeFactory.createLiteralDT("abc", XSDDatatype.XSDint)),
                triple(S, P, NodeFactory.createLiteralDT("1.50", XSDDatatype.XSDdecimal)),
                triple(S, P, NodeFactory.createLiteralDT("2026-01-01T00:00:00Z", XSDDatatype.XSDdateTime)),
                triple(S, P, typed("v", EX + "caf\u00E9")),
                triple(S, P, iri("\uD83D\uDE00")),
                triple(S, iri("addr"), b),
                Quad.create(G, b, iri("city"), str("Paris")),
                triple(NodeFactory.createBlankNode("1"), P, NodeFactory.createBlankNode("Z9")));
    }

    /** Jena's NodeFactory takes any string as an IRI; the line must still carry it exactly. */
    static Stream<Quad> quadsWithIrisRdfForbids() {
        return Stream.of(
                triple(S, P, typed("1", EX + "my type")),
                triple(S, P, NodeFactory.createURI(EX + "a b>c{d}e|f^g`h\\i\"j<k\u0000\t")),
                triple(NodeFactory.createURI(EX + "s p"), NodeFactory.createURI(EX + "p>"), iri("o")),
                Quad.create(NodeFactory.createURI(EX + "g g"), S, P, iri("o")));
    }

    @ParameterizedTest
    @MethodSource("storedQuads")
    void parseInvertsOf(Quad quad) {
        String line = NQuadsLine.of(quad);
        Quad back = NQuadsLine.parse(line);
        assertThat(back).isEqualTo(quad);
        assertThat(NQuadsLine.of(back)).isEqualTo(line);
        assertThat(line).endsWith(" .\n").containsOnlyOnce("\n");
        Node o = quad.getObject();
        if (o.isLiteral()) {
            // Node equality on literals is term equality; spell it out so a value-equality change would show.
            assertThat(back.getObject().getLiteralLexicalForm()).isEqualTo(o.getLiteralLexicalForm());
            assertThat(back.getObject().getLiteralDatatypeURI()).isEqualTo(o.getLiteralDatatypeURI());
            assertThat(back.getObject().getLiteralLanguage()).isEqualToIgnoringCase(o.getLiteralLanguage());
            assertThat(back.getObject().getLiteralBaseDirection()).isEqualTo(o.getLiteralBaseDirection());
        }
    }

    /** RIOT decodes the escapes and then refuses IRIs with spaces, so only valid IRIs are cross-checked. */
    @ParameterizedTest
    @MethodSource("quadsWithValidIris")
    void jenasOwnNQuadsParserReadsTheSameQuad(Quad quad) {
        List<Quad> read = new ArrayList<>();
        // Syntax only: checking would warn about the deliberately odd IRIs and the ill-formed "abc"^^xsd:int.
        RDFParser.fromString(NQuadsLine.of(quad), Lang.NQUADS)
                .labelToNode(LabelToNode.createUseLabelAsGiven())
                .checking(false)
                .errorHandler(ErrorHandlerFactory.errorHandlerStrictNoLogging)
                .parse(new StreamRDFBase() {
                    @Override
                    public void triple(Triple triple) {
                        read.add(Quad.create(Quad.defaultGraphNodeGenerated, triple));
                    }

                    @Override
                    public void quad(Quad q) {
                        read.add(q);
                    }
                });
        assertThat(read).hasSize(1);
        Quad riot = read.get(0);
        Quad asStored = Quad.create(Quad.isDefaultGraph(riot.getGraph()) ? NQuadsLine.DEFAULT_GRAPH : riot.getGraph(),
                dropB(riot.getSubject()), riot.getPredicate(), dropB(riot.getObject()));
        assertThat(asStored).isEqualTo(quad);
    }

    /** RIOT keeps the whole label "b3"; the store's label is what follows "_:b". */
    private static Node dropB(Node node) {
        return node.isBlank() ? NodeFactory.createBlankNode(node.getBlankNodeLabel().substring(1)) : node;
    }

    @Test
    void jenaLiteralEqualityIsTermNotValueEquality() {
        Quad five = triple(S, P, NodeFactory.createLiteralDT("5", XSDDatatype.XSDint));
        Quad zeroFive = triple(S, P, NodeFactory.createLiteralDT("05", XSDDatatype.XSDint));
        assertThat(NQuadsLine.parse(NQuadsLine.of(zeroFive))).isEqualTo(zeroFive).isNotEqualTo(five);
        Quad integer = triple(S, P, NodeFactory.createLiteralDT("5", XSDDatatype.XSDinteger));
        assertThat(NQuadsLine.parse(NQuadsLine.of(integer))).isNotEqualTo(five);
    }

    // ---- lenient reading of other valid N-Quads

    @Test
    void readsOtherValidSpellingsOfTheSameStatement() {
        Quad expected = triple(S, P, str("A\u00E9'\uD83D\uDE00"));
        Stream.of(
                "<http://example.org/s> <http://example.org/p> \"A\u00E9'\uD83D\uDE00\" .\n",
                "<http://example.org/s>\t<http://example.org/p>   \"A\u00E9'\uD83D\uDE00\"\t.",
                "  <http://example.org/s> <http://example.org/p> \"\\u0041\\u00e9\\'\\U0001F600\" . \r\n",
                "<http://example.org/s><http://example.org/p>\"A\\u00E9'\\U0001f600\".",
                "<http://example.org/s> <http://example.org/p> \"A\u00E9'\uD83D\uDE00\"^^<http://www.w3.org/2001/XMLSchema#string> .\n",
                "<http://example.org/s> <http://example.org/p> \"A\u00E9'\uD83D\uDE00\""
                        + " <http://aws.amazon.com/neptune/vocab/v01/DefaultNamedGraph> .\n",
                "<http://ex\\u0061mple.org/s> <http://example.org/\\U00000070> \"A\u00E9'\uD83D\uDE00\" .\n")
            .forEach(line -> assertThat(NQuadsLine.parse(line)).as(line).isEqualTo(expected));

        assertThat(NQuadsLine.parse("<http://example.org/s> <http://example.org/p> \"chat\"@FR .\n").getObject())
                .isEqualTo(NodeFactory.createLiteralLang("chat", "fr"));
        assertThat(NQuadsLine.parse("_:b1 <http://example.org/p> _:b2.").getObject())
                .isEqualTo(NodeFactory.createBlankNode("2"));
    }

    // ---- bad lines

    static Stream<Arguments> badLines() {
        String sp = "<http://example.org/s> <http://example.org/p> ";
        return Stream.of(
                Arguments.of("", "empty statement"),
                Arguments.of("\n", "empty statement"),
                Arguments.of("   ", "empty statement"),
                Arguments.of(sp + "\"a\"", "expected '.'"),
                Arguments.of(sp + "\"a\" \n", "expected '.'"),
                Arguments.of(sp + "\"a\" .x", "unexpected text after the final '.'"),
                Arguments.of(sp + "\"a\" .\n" + sp + "\"b\" .\n", "unexpected text after the final '.'"),
                Arguments.of(sp + "\"a\" . # comment", "unexpected text after the final '.'"),
                Arguments.of("\"s\" <http://example.org/p> <http://example.org/o> .", "a literal cannot be the subject"),
                Arguments.of("?s <http://example.org/p> <http://example.org/o> .", "expected an IRI or a blank node as the subject"),
                Arguments.of("<http://example.org/s> _:b1 <http://example.org/o> .", "expected an IRI as the predicate"),
                Arguments.of("<http://example.org/s> \"p\" <http://example.org/o> .", "expected an IRI as the predicate"),
                Arguments.of(sp + "?o .", "expected an IRI, a blank node or a literal as the object"),
                Arguments.of(sp + ".", "expected an IRI, a blank node or a literal as the object"),
                Arguments.of(sp + "<http://example.org/o> _:b1 .", "a blank node cannot name a graph"),
                Arguments.of(sp + "<http://example.org/o> \"g\" .", "expected '.'"),
                Arguments.of(sp + "<http://example.org/o> <http://example.org/g> <http://example.org/h> .", "expected '.'"),
                Arguments.of(sp + "<http://example.org/o> <urn:x-arq:UnionGraph> .", "is not a stored graph"),
                Arguments.of(sp + "<http://example.org/a b> .", "character \\u0020 must be escaped in an IRI"),
                Arguments.of(sp + "<http://example.org/a{b> .", "character \\u007B must be escaped in an IRI"),
                Arguments.of(sp + "<http://example.org/o .", "must be escaped in an IRI"),
                Arguments.of(sp + "<http://example.org/o", "unterminated IRI"),
                Arguments.of(sp + "<http://example.org/a\\nb> .", "only \\u and \\U escapes are allowed in an IRI"),
                Arguments.of(sp + "<http://example.org/a\uD800> .", "unpaired surrogate"),
                Arguments.of(sp + "\"abc .", "unterminated literal"),
                Arguments.of(sp + "\"a\nb\" .", "raw line break in a literal"),
                Arguments.of(sp + "\"a\rb\" .", "raw line break in a literal"),
                Arguments.of(sp + "\"a\\qb\" .", "unknown escape in a literal"),
                Arguments.of(sp + "\"a\\u00G1\" .", "bad hex digit"),
                Arguments.of(sp + "\"a\\u00", "truncated \\u escape"),
                Arguments.of(sp + "\"a\\UFFFFFFFF\" .", "beyond U+10FFFF"),
                Arguments.of(sp + "\"a\\U00110000\" .", "beyond U+10FFFF"),
                Arguments.of(sp + "\"a\\uD800\" .", "surrogate"),
                Arguments.of(sp + "\"a\uDC00\" .", "unpaired surrogate"),
                Arguments.of(sp + "\"a\"@ .", "empty language tag"),
                Arguments.of(sp + "\"a\"@1en .", "empty language tag"),
                Arguments.of(sp + "\"a\"@en- .", "empty subtag in language tag"),
                Arguments.of(sp + "\"a\"@en--up .", "base direction must be ltr or rtl"),
                Arguments.of(sp + "\"a\"@en--LTR .", "base direction must be ltr or rtl"),
                Arguments.of(sp + "\"a\"^^xsd:int .", "expected ^^<datatype IRI>"),
                Arguments.of(sp + "\"a\"^<http://example.org/dt> .", "expected ^^<datatype IRI>"),
                Arguments.of(sp + "\"a\"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#langString> .", "needs a language tag"),
                Arguments.of(sp + "\"a\"@en^^<http://example.org/dt> .", "expected '.'"),
                Arguments.of("_:x1 <http://example.org/p> <http://example.org/o> .", "blank nodes are written _:b<label>"),
                Arguments.of("_:b <http://example.org/p> <http://example.org/o> .", "blank node label must match [A-Za-z0-9]+"),
                Arguments.of("_:b1-2 <http://example.org/p> <http://example.org/o> .", "blank node label must match [A-Za-z0-9]+"),
                Arguments.of("_:b1.x <http://example.org/p> <http://example.org/o> .", "blank node label must match [A-Za-z0-9]+"),
                Arguments.of("_:b1_ <http://example.org/p> <http://example.org/o> .", "blank node label must match [A-Za-z0-9]+"));
    }

    @ParameterizedTest
    @MethodSource("badLines")
    void refusesBadLinesNamingTheProblem(String line, String problem) {
        assertThatThrownBy(() -> NQuadsLine.parse(line))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid N-Quads statement: ")
                .hasMessageContaining(problem)
                .hasMessageContaining(" at offset ");
    }

    @Test
    void cutsLongLinesInTheMessage() {
        String line = "<http://example.org/s> <http://example.org/p> \"" + "x".repeat(100_000);
        assertThatThrownBy(() -> NQuadsLine.parse(line))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unterminated literal at offset 46")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400));
    }
}
