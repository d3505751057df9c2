using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RadioStudio.Engine.Show.Memory;

namespace RadioStudio.Tests.Support;

/// <summary>
/// The phone studio (real Twilio protocol from a simulator, offline AI) with a short follow-up delay and a headless
/// Chromium, for show memory's end-to-end tests.
/// </summary>
public sealed class MemoryStudioFixture : PhoneStudioFixture
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public IShowMemoryControl Memory => Factory.Services.GetRequiredService<IShowMemoryControl>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public override async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>A fresh browser context on <paramref name="path"/> of <paramref name="baseUrl"/> (this studio by default), interactive.</summary>
    public async Task<IPage> OpenAsync(string path, string? baseUrl = null, int width = 1366, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        await page.GotoAsync((baseUrl ?? BaseUrl) + path);
        await page.WaitForSelectorAsync("#circuit-state[data-interactive='true']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        return page;
    }

    protected override IReadOnlyDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?>
    {
        ["ShowMemory:FollowUpDelaySeconds"] = "3",
    };
}
