using Microsoft.Playwright;

namespace RadioStudio.Tests.Support;

/// <summary>
/// One running studio on Kestrel (127.0.0.1) and one headless Debian Chromium per test class.
/// Never downloads a browser: it drives /usr/bin/chromium (or $CHROMIUM_PATH).
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public BrowserFixture()
        : this(null)
    {
    }

    /// <summary>A studio with extra settings over appsettings.json.</summary>
    protected BrowserFixture(IReadOnlyDictionary<string, string?>? settings) => Factory = new StudioWebFactory(settings);

    public StudioWebFactory Factory { get; }

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    private IPlaywright _playwright = null!;

    /// <summary>Folder to save screenshots in, when $RADIOSTUDIO_SCREENSHOTS names one.</summary>
    public static string? ScreenshotFolder => Environment.GetEnvironmentVariable("RADIOSTUDIO_SCREENSHOTS");

    public async Task InitializeAsync()
    {
        BaseUrl = Factory.StartKestrel();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",

                // A fake microphone (Chromium's test beep) with the permission prompt auto-accepted.
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        var browserClosed = Browser.CloseAsync();
        try
        {
            await browserClosed;
        }
        catch (PlaywrightException)
        {
            // The browser went away on its own (a crash is reported by the test that saw it); the studio still stops below.
        }

        _playwright.Dispose();
        try
        {
            await Factory.DisposeAsync();
        }
        catch (Exception error)
        {
            // xUnit's console reports a class-cleanup failure by exception type only: carry where it came from.
            throw new InvalidOperationException($"The studio under test failed to stop: {error}", error);
        }
    }

    /// <summary>A fresh browser context (its own cookies and circuit) at the given size, opened on a path, interactive.</summary>
    public async Task<IPage> OpenAsync(string path, int width = 1366, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + path);
        await page.WaitForSelectorAsync("#circuit-state[data-interactive='true']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        return page;
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (ScreenshotFolder is { } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), Animations = ScreenshotAnimations.Disabled });
        }
    }
}
