package io.feedgram.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

class RequestBodyLimitTest {

    private final RequestBodyLimit filter = new RequestBodyLimit(new InboxProperties(List.of("k"), DataSize.ofKilobytes(16)));

    @Test
    void anApiBodyYieldsAtMostOneByteOverTheLimit() throws Exception {
        assertThat(bytesReadBehind("/api/v1/posts", 8 * 1024 * 1024)).isEqualTo(16 * 1024 + 1);
        assertThat(bytesReadBehind("/api/v1/posts", 100)).isEqualTo(100);
        assertThat(bytesReadBehind("/connect/instagram/callback", 20_000)).as("only the API is limited").isEqualTo(20_000);
    }

    private int bytesReadBehind(String uri, int size) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
        request.setContent(new byte[size]);
        AtomicInteger read = new AtomicInteger();
        filter.doFilter(request, new MockHttpServletResponse(),
                (req, res) -> read.set(req.getInputStream().readAllBytes().length));
        return read.get();
    }
}
