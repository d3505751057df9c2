using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Components.Sections;
using MudBlazor.Services;
using RadioStudio.Engine.Studio;
using RadioStudio.Web.Components.Layout;

namespace RadioStudio.Tests.Support;

/// <summary>
/// bunit context with MudBlazor and a <see cref="FakeStudio"/>. Held as a field, not inherited: xunit 2
/// only calls Dispose, and MudBlazor's services need DisposeAsync (toolchain notes, gotcha 2).
/// </summary>
public abstract class PageTestContext : IAsyncLifetime
{
    protected PageTestContext()
    {
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
        Context.Services.AddSingleton<IStudioStore>(Studio);
        Context.Services.AddSingleton<IStudioControl>(Studio);
        Context.Services.AddSingleton(new RadioStudio.Web.Auth.StudioUsers(Microsoft.Extensions.Options.Options.Create(new RadioStudio.Web.Auth.AuthOptions())));
        Context.Services.AddScoped<RadioStudio.Web.Auth.CircuitStudioControl>();
        Context.Services.AddSingleton<RadioStudio.Web.Telephony.ITestCallPlacer>(TestCalls);
        Context.Services.AddSingleton(Meters);
        Context.Services.AddSingleton<RadioStudio.Engine.Audio.Graph.IAudioDesk>(Audio);
        Context.Services.AddSingleton<RadioStudio.Engine.Audio.Devices.IAudioDeviceCatalog>(Devices);
        Context.Services.AddSingleton<RadioStudio.Engine.Providers.IAiProviderSettings>(_ => AiProviders.Settings);
        Context.Services.AddSingleton<RadioStudio.Engine.Show.Turns.IAiDirector>(_ => Ai);
        Context.Services.AddSingleton<RadioStudio.Engine.Show.Memory.IShowMemoryControl>(Memory);
        Context.Services.AddScoped<RadioStudio.Web.Auth.CircuitShowMemoryControl>();
        Context.Services.AddOptions<RadioStudio.Engine.Show.Turns.AiCallerOptions>();
        Context.SetRendererInfo(new RendererInfo("Server", true));
    }

    private RadioStudio.Engine.Audio.Graph.MeterFeed? _meters;
    private AiProviderRig? _aiProviders;
    private FakeAiDirector? _ai;

    protected BunitContext Context { get; } = new();

    protected FakeStudio Studio { get; } = new();

    protected FakeTestCalls TestCalls { get; } = new();

    /// <summary>Records the pages' show-memory actions (follow-up, regulars, caller flags).</summary>
    protected FakeShowMemoryControl Memory { get; } = new();

    /// <summary>Records the host console's AI caller commands.</summary>
    protected FakeAiDirector Ai => _ai ??= new(Studio);

    /// <summary>Records music, cart and ad commands.</summary>
    protected FakeAudioDesk Audio { get; } = new();

    /// <summary>The devices the settings page lists.</summary>
    protected FakeDeviceCatalog Devices { get; } = new();

    /// <summary>The graph behind the meters: drive it with <c>OnBlock</c>, then <c>Meters.Tick()</c> to push.</summary>
    protected RadioStudio.Engine.Audio.Graph.AudioGraph Graph { get; } = new(new RadioStudio.Tests.Engine.Audio.Graph.FakePhoneLines());

    /// <summary>The meter feed pages subscribe to (its timer runs on a fake clock; tests push with <c>Tick</c>).</summary>
    protected RadioStudio.Engine.Audio.Graph.MeterFeed Meters => _meters ??= new(Graph, new Microsoft.Extensions.Time.Testing.FakeTimeProvider());

    /// <summary>The settings page's AI providers (offline, no keys) unless <see cref="UseAiProviders"/> set others before rendering.</summary>
    protected AiProviderRig AiProviders => _aiProviders ??= new AiProviderRig(Studio);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await Context.DisposeAsync();
        _aiProviders?.Dispose();
    }

    /// <summary>AI providers built from these "appsettings" (e.g. with an API key); call before rendering.</summary>
    protected AiProviderRig UseAiProviders(Action<RadioStudio.Engine.Llm.LlmOptions, RadioStudio.Engine.Speech.SpeechToTextProviderOptions, RadioStudio.Engine.Speech.TextToSpeechProviderOptions> configure)
    {
        _aiProviders?.Dispose();
        _aiProviders = new AiProviderRig(Studio, configure);
        return _aiProviders;
    }

    /// <summary>The app bar section the page fills (ON AIR, clock), rendered as the layout would.</summary>
    protected IRenderedComponent<SectionOutlet> Header { get; private set; } = null!;

    /// <summary>Where MudBlazor dialogs appear.</summary>
    protected IRenderedComponent<MudBlazor.MudDialogProvider> Dialogs { get; private set; } = null!;

    /// <summary>Where snackbars appear.</summary>
    protected IRenderedComponent<MudBlazor.MudSnackbarProvider> Snackbars { get; private set; } = null!;

    /// <summary>Renders the page with the layout's header outlet and MudBlazor's providers.</summary>
    protected IRenderedComponent<TPage> RenderPage<TPage>() where TPage : IComponent
    {
        Context.Render<MudBlazor.MudPopoverProvider>();
        Dialogs = Context.Render<MudBlazor.MudDialogProvider>();
        Snackbars = Context.Render<MudBlazor.MudSnackbarProvider>();
        Header = Context.Render<SectionOutlet>(p => p.Add(o => o.SectionName, MainLayout.HeaderSection));
        return Context.Render<TPage>();
    }
}
