package org.ws2.gateway.problem;

import java.nio.charset.StandardCharsets;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Requests Reactor Netty refuses while decoding them (a request line over the limit: 414; headers
 * over the limit: 431; a malformed request: 400) never reach Spring, and Netty answers them with an
 * empty body. This handler, between Netty's HTTP codec and Reactor Netty's own handler, gives those
 * answers the RFC 9457 problem body every other gateway error has. Only empty 4xx answers are
 * touched, so it costs one type check per response written.
 */
@Component
public class DecoderFailureProblems implements NettyServerCustomizer {

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remote) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null
                    && channel.pipeline().get("ws2.decoderFailureProblems") == null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "ws2.decoderFailureProblems", new Handler());
            }
        });
    }

    static final class Handler extends ChannelDuplexHandler {
        @Override
        public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) throws Exception {
            if (message instanceof FullHttpResponse response && response.content().readableBytes() == 0
                    && response.status().code() >= 400 && response.status().code() < 500
                    && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)) {
                FullHttpResponse problem = withProblem(response);
                response.release();
                super.write(ctx, problem, promise);
                return;
            }
            super.write(ctx, message, promise);
        }

        private static FullHttpResponse withProblem(FullHttpResponse response) {
            HttpResponseStatus status = response.status();
            String type = switch (status.code()) {
                case 414 -> ProblemTypes.URI_TOO_LONG;
                case 400 -> ProblemTypes.BAD_REQUEST;
                default -> "about:blank";
            };
            String detail = switch (status.code()) {
                case 414 -> "The request line (method, path and query) is longer than the gateway accepts.";
                case 431 -> "The request headers are larger than the gateway accepts.";
                default -> "The request is not valid HTTP.";
            };
            byte[] body = ("{\"type\":\"" + type + "\",\"title\":\"" + status.reasonPhrase() + "\",\"status\":"
                    + status.code() + ",\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8);
            FullHttpResponse problem = new DefaultFullHttpResponse(response.protocolVersion(), status,
                    Unpooled.wrappedBuffer(body));
            problem.headers().set(response.headers());
            problem.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json");
            problem.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
            return problem;
        }
    }
}
