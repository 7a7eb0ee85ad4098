package io.feedgram.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.feedgram.account.AccountCredentials;
import io.feedgram.feed.TestFeedServer;
import io.feedgram.post.PostStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13, points 1 and 2: the dashboard in a real headless Chromium (Debian's chromium and
 * chromedriver, driven by Selenium; nothing is downloaded), one browser for the whole class, the
 * steps in order as an operator takes them: sign in, read a published post, retry a failed one until
 * it is published, cancel a queued one, preview a feed and poll it, refresh a token, disconnect and
 * connect an account, see a person's comment and message among the events (a comment's markup shown as
 * text), sign out and be refused.
 * Screenshots of the pages go to target/screenshots/. Without Chromium the class is skipped and says so.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest extends DashboardTestSupport {

    static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    static final String NOTICE = "NOTICE: browser test skipped: " + CHROMIUM + " or " + CHROMEDRIVER
            + " is missing (Debian: apt-get install chromium chromium-driver; README, Test it)";

    private static WebDriver browser;

    @Autowired
    TestFeedServer feeds;

    @Autowired
    AccountCredentials credentials;

    private String base;

    /** Starts the one browser of the class, if there is one: without it every test is skipped with {@link #NOTICE}. */
    @BeforeAll
    static void startChromium() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=en");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(PATIENCE);
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void address() {
        Assumptions.assumeTrue(browser != null, NOTICE);
        base = "http://localhost:" + port;
    }

    @Test
    @Order(1)
    void signsInAndSeesAPublishedPostWithItsPermalinkHistoryAndThumbnail() {
        String id = submit("shop", "FEED", "pic.png", null);
        awaitStatus(id, PostStatus.PUBLISHED);

        browser.get(base + "/posts/" + id);
        assertThat(browser.getCurrentUrl()).as("no page without a session").isEqualTo(base + "/sign-in");
        browser.findElement(By.id("key")).sendKeys("wrong-" + marker);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(waitFor(By.id("refused")).getText()).contains("not one of Feedgram's API keys");
        assertThat(browser.getPageSource()).doesNotContain(marker);
        browser.findElement(By.id("key")).sendKeys(KEY);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(By.id("totals"));

        browser.get(base + "/posts?account=shop");
        click(By.cssSelector("#row-" + id + " a"));
        waitUntilText(By.id("status"), "PUBLISHED");
        assertThat(browser.findElement(By.id("permalink")).getAttribute("href")).startsWith("https://www.instagram.com/");
        assertThat(browser.findElements(By.cssSelector(".history tbody tr")).stream().map(r -> r.getText()).toList())
                .anyMatch(row -> row.contains("QUEUED")).anyMatch(row -> row.contains("PUBLISHED"));
        WebElement thumbnail = browser.findElement(By.cssSelector(".media img"));
        assertThat(thumbnail.getAttribute("src")).startsWith(base + "/media/");
        new WebDriverWait(browser, PATIENCE).until(b -> (Boolean) script("return arguments[0].complete && arguments[0].naturalWidth > 0", thumbnail));
        assertThat(browser.findElement(By.cssSelector(".media")).getText()).contains("PNG", "JPEG");
        screenshot("post");
    }

    @Test
    @Order(2)
    void retriesAFailedPostAndWatchesItReachPublished() {
        sandbox.faultFor("video-processing-error", SHOP, null);
        String id = submit("shop", "REEL", "clip.mp4", null);
        awaitStatus(id, PostStatus.FAILED);
        sandbox.clearFaults();

        browser.get(base + "/posts/" + id);
        waitUntilText(By.id("status"), "FAILED");
        assertThat(browser.findElement(By.id("error")).getText()).contains("2207");
        assertThat(browser.findElement(By.id("no-cancel")).getText()).contains("it has ended");
        click(By.id("retry"));
        // htmx reloads the post's section while it publishes: no reload by the test.
        waitUntilText(By.id("status"), "PUBLISHED");
        assertThat(browser.findElement(By.id("no-retry")).getText()).contains("it is live on Instagram");
        assertThat(posts.find(id).orElseThrow().status()).isEqualTo(PostStatus.PUBLISHED);
    }

    @Test
    @Order(3)
    void cancelsAQueuedPost() {
        String id = submit("shop", "FEED", "ok.jpg", Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
        browser.get(base + "/posts?status=QUEUED");
        click(By.cssSelector("#row-" + id + " a"));
        waitUntilText(By.id("status"), "QUEUED");
        assertThat(browser.findElement(By.id("no-retry")).getText()).contains("waiting to be published");
        click(By.id("cancel"));
        waitUntilText(By.id("status"), "CANCELLED");
        assertThat(posts.find(id).orElseThrow().status()).isEqualTo(PostStatus.CANCELLED);
        assertThat(browser.findElements(By.id("cancel"))).isEmpty();
    }

    @Test
    @Order(4)
    void previewsAFeedThenPollsItNow() {
        feeds.publish("dashboard-blog", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Shop blog</title><link>{base}/blog/</link><description>d</description>
                  <item><title>New mugs</title><link>{base}/blog/mugs</link><guid>mugs-%1$s</guid>
                    <enclosure url="{base}/test-media/wide.jpg?m=%1$s" type="image/jpeg" length="0"/></item>
                  <item><title>Opening hours</title><link>{base}/blog/hours</link><guid>hours-%1$s</guid>
                    <description>Words only.</description></item>
                </channel></rss>""".formatted(marker));
        browser.get(base + "/feeds");
        click(By.cssSelector("#feed-blog a.preview"));
        WebElement table = waitFor(By.cssSelector("table.preview"));
        assertThat(table.getText()).contains("New mugs", "post", "Opening hours", "skip", "no image or video");
        assertThat(feeds.hits("dashboard-blog")).isPositive();

        browser.get(base + "/feeds");
        click(By.cssSelector("#feed-blog button.poll"));
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#feed-blog .counts"), "1 posts"));
        assertThat(browser.findElement(By.id("feed-blog")).getText()).contains("OK", "1 skipped");
        assertThat(browser.findElement(By.id("feed-gone")).getText()).contains("ERROR", "the feed server answered HTTP 404");
        screenshot("feeds");
    }

    @Test
    @Order(5)
    void refreshesAToken() {
        credentials.refreshed("ageing", null, Instant.now().plus(Duration.ofDays(3)).plus(Duration.ofHours(1)), null, null);
        browser.get(base + "/accounts");
        click(By.cssSelector("#account-spare button.refresh"));
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("account-spare"), "last refresh: ok"));
        assertThat(browser.findElement(By.cssSelector("#account-spare .days-left")).getText()).matches("(59|60) days left");
        assertThat(browser.findElement(By.cssSelector("#account-spare .expiry")).getAttribute("class")).doesNotContain("bad");
        WebElement ageing = browser.findElement(By.cssSelector("#account-ageing .expiry"));
        assertThat(ageing.getText()).contains("3 days left");
        assertThat(ageing.getAttribute("class")).as("under 7 days is highlighted").contains("bad");
        waitFor(By.cssSelector("#account-spare .quota"));       // loaded by htmx, one row at a time
        screenshot("accounts");
        postsScreenshots();
    }

    @Test
    @Order(6)
    void disconnectsAndConnectsAgain() {
        browser.get(base + "/accounts");
        click(By.cssSelector("#account-spare button.danger"));
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("account-spare"), "not connected"));
        assertThat(browser.findElements(By.cssSelector("#account-spare button.refresh"))).isEmpty();
        click(By.cssSelector("#account-spare a.button"));
        // The sandbox's login dialog approves at once and the flow ends on Feedgram's own page.
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.urlContains("/connect/done"));
        assertThat(browser.getCurrentUrl()).contains("connected=true", "account=spare");
        browser.get(base + "/accounts");
        assertThat(waitFor(By.id("account-spare")).getText()).contains("connected").doesNotContain("not connected");
    }

    @Test
    @Order(7)
    void showsAPersonsCommentAndMessageInTheEventsSectionAsText() {
        String id = submit("shop", "FEED", "ok.jpg", null);
        awaitStatus(id, PostStatus.PUBLISHED);
        String hostile = "<script>alert(1)</script> " + marker;
        String message = "Is the blue mug in stock? " + marker;
        // The sandbox delivers each as Meta does: a webhook signed with shop's app secret, to this server.
        String commentId = sandbox.personComments(mediaIdOf(id), "742084212153673", hostile);
        sandbox.personMessages(SHOP, "1535148674817116", message, null);

        browser.get(base + "/");
        new WebDriverWait(browser, PATIENCE).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(b -> {
                    b.navigate().refresh();
                    String shown = b.findElement(By.id("overview-events")).getText();
                    return shown.contains("comment " + commentId) && shown.contains(message);
                });
        assertThat(eventRow("#overview-events", "comment " + commentId)).as("the comment's markup is shown as text")
                .contains(hostile, "shop", "COMMENT", "742084212153673");
        assertThat(eventRow("#overview-events", message)).contains("shop", "MESSAGE", "1535148674817116", "conversation ");
        assertThat(browser.findElements(By.xpath("//script[contains(., 'alert(1)')]"))).as("the comment is no script").isEmpty();
        assertThat(browser.getPageSource()).contains("&lt;script&gt;alert(1)&lt;/script&gt; " + marker);
        assertThat(ExpectedConditions.alertIsPresent().apply(browser)).isNull();

        click(By.cssSelector("#overview-events h2 a"));
        new Select(waitFor(By.name("account"))).selectByValue("shop");
        new Select(browser.findElement(By.name("type"))).selectByValue("COMMENT");
        click(By.cssSelector(".filters button"));
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.urlContains("type=COMMENT"));
        assertThat(eventRow("table.events", "comment " + commentId)).contains(hostile, "COMMENT");
        assertThat(waitFor(By.cssSelector("table.events")).getText()).doesNotContain(message, "MESSAGE");
        screenshot("events");
    }

    @Test
    @Order(8)
    void signsOutAndIsRefused() {
        browser.get(base + "/");
        click(By.cssSelector(".sign-out button"));
        waitFor(By.id("key"));
        assertThat(browser.manage().getCookieNamed(SessionCookie.NAME)).isNull();
        browser.get(base + "/accounts");
        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/sign-in");
        assertThat(browser.getPageSource()).doesNotContain("spare", "Refresh token");
    }

    /** The posts page, and at a phone's width: nothing wider than the screen but the tables, which scroll. */
    private void postsScreenshots() {
        browser.get(base + "/posts");
        assertThat(browser.findElements(By.cssSelector("table.posts tbody tr"))).hasSizeGreaterThanOrEqualTo(4);
        screenshot("posts");
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.navigate().refresh();
            waitFor(By.id("totals"));
            assertThat((Long) script("return document.documentElement.scrollWidth - window.innerWidth")).isLessThanOrEqualTo(0L);
            screenshot("posts-phone");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    /** The text of the row of the events table under {@code table} that shows {@code text}. */
    private String eventRow(String table, String text) {
        return new WebDriverWait(browser, PATIENCE).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(b -> b.findElements(By.cssSelector(table + " tbody tr")).stream().map(WebElement::getText)
                        .filter(row -> row.contains(text)).findFirst().orElse(null));
    }

    private void click(By by) {
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private void waitUntilText(By by, String text) {
        new WebDriverWait(browser, PATIENCE).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(ExpectedConditions.textToBe(by, text));
    }

    private Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(code, arguments);
    }

    private void screenshot(String name) {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
