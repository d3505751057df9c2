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
        Context.Services.AddSingleton<RadioStudio.Web.Telephony.ITestCallPlacer>(TestCalls);
        Context.SetRendererInfo(new RendererInfo("Server", true));
    }

    protected BunitContext Context { get; } = new();

    protected FakeStudio Studio { get; } = new();

    protected FakeTestCalls TestCalls { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Context.DisposeAsync();

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
