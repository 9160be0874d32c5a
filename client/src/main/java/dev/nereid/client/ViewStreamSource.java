package dev.nereid.client;

import dev.nereid.stream.NereidException;
import dev.nereid.stream.PageReader;
import dev.nereid.stream.RenderedPage;
import dev.nereid.stream.StreamFormat;
import dev.nereid.stream.StreamRequest;
import dev.nereid.stream.StreamView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Reads pages in-process, from a {@link StreamView} of the log, with the server's own page assembly
 * ({@link PageReader}): the same pages and errors as {@link StreamClient}, without HTTP.
 */
public final class ViewStreamSource implements StreamSource {
    private final Supplier<? extends StreamView> views;
    private final StreamFormat format;

    /**
     * @param views gives the view of one read, taken fresh for each page, as the server takes one per request
     */
    public ViewStreamSource(Supplier<? extends StreamView> views, StreamFormat format) {
        this.views = Objects.requireNonNull(views, "views");
        this.format = Objects.requireNonNull(format, "format");
    }

    @Override
    public StreamPage read(StreamRequest request) throws IOException {
        RenderedPage page;
        try {
            page = PageReader.read(views.get(), request, format);
        } catch (NereidException e) {
            throw StreamServiceException.of(e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return PageParser.parse(page.bytes(), page.offset(), page.length());
    }
}
