/**
 * Browser tests of the platform's pages: Debian's headless Chromium driven by Playwright,
 * axe-core's WCAG 2.2 AA rules run in each page, screenshots kept under {@code target/screenshots}.
 * A module with pages declares {@code com.microsoft.playwright:playwright} and {@code
 * com.deque.html.axe-core:playwright} in test scope to use it (test-support marks them optional).
 */
package org.mhaqi.testing.browser;
