package io.streampulse.webgui;

import io.micronaut.runtime.Micronaut;

/** The webgui process: the operator's web UI. */
public final class WebguiApplication {

    private WebguiApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(WebguiApplication.class, args);
    }
}
