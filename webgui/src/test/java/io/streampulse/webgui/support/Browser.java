package io.streampulse.webgui.support;

import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The webgui tests' browser: testkit's {@link io.streampulse.testkit.Browser} (real headless Chromium through
 * Selenium; the suite tests drive it too), kept under this name so the webgui tests need no other import.
 */
public final class Browser extends io.streampulse.testkit.Browser {

    private Browser(ChromeDriver driver) {
        super(driver);
    }

    public static Browser open(int width, int height) {
        return new Browser(chromium(width, height));
    }

    public static Browser open() {
        return open(1280, 900);
    }
}
