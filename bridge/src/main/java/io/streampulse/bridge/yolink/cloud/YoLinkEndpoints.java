package io.streampulse.bridge.yolink.cloud;

import java.net.URI;

/**
 * The token and API URLs under one base (US {@code https://api.yosmart.com}, EU {@code https://api-eu.yosmart.com}),
 * as {@code yolink.api_url} gives it; a full API URL ending in {@code /open/yolink/v2/api} is accepted too.
 */
public record YoLinkEndpoints(URI token, URI api) {

    static final String TOKEN_PATH = "/open/yolink/token";
    static final String API_PATH = "/open/yolink/v2/api";

    public static YoLinkEndpoints under(String base) {
        String root = base.trim();
        while (root.endsWith("/")) {
            root = root.substring(0, root.length() - 1);
        }
        if (root.endsWith(API_PATH)) {
            root = root.substring(0, root.length() - API_PATH.length());
        }
        if (!root.startsWith("http://") && !root.startsWith("https://")) {
            throw new IllegalArgumentException("yolink.api_url must be an http(s) URL, got '" + base + "'");
        }
        return new YoLinkEndpoints(URI.create(root + TOKEN_PATH), URI.create(root + API_PATH));
    }
}
