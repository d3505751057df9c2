using MudBlazor.Services;
using RadioStudio.Engine.Hosting;
using RadioStudio.Web.Audio;
using RadioStudio.Web.Auth;
using RadioStudio.Web.Security;
using RadioStudio.Web.Components;
using RadioStudio.Web.Export;
using RadioStudio.Web.Screening;
using RadioStudio.Web.Telephony;

namespace RadioStudio.Web.Hosting;

/// <summary>
/// The studio's composition and request pipeline, exactly what Program.cs runs. Factored out so the bench
/// can host the real studio in its own process (to drive engine commands such as taking a call to air
/// while measuring); Program.cs only adds the configuration check and runs it.
/// </summary>
public static class StudioHost
{
    /// <summary>Builds the studio from <paramref name="args"/> (command line, as Program.cs receives it).</summary>
    public static WebApplication Build(string[] args)
    {
        // The application name is pinned to this assembly so static web assets resolve the same when the
        // studio is hosted by another entry assembly (the bench); for Program.cs it is the default anyway.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(StudioHost).Assembly.GetName().Name });
        builder.AddStudioConfigurationFile();
        builder.WebHost.UseStaticWebAssets();

        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices(mud => mud.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight);
        builder.Services.AddStudioAuth();
        builder.Services.AddStudioEdges(builder.Configuration);
        builder.Services.AddRadioStudioEngine();
        builder.Services.AddTelephony();
        builder.Services.AddAudio();
        builder.Services.AddAiCallers();
        builder.Services.AddShowMemory();
        builder.Services.AddShowExport();
        builder.Services.AddSingleton<PendingStreamGate>();
        builder.Services.AddSingleton<VoiceAnswerCache>();
        builder.Services.AddSingleton<TestCallService>();
        builder.Services.AddSingleton<ITestCallPlacer>(sp => sp.GetRequiredService<TestCallService>());

        var app = builder.Build();

        // A live studio prefers many short collections to one long blocking gen2 pause: every managed thread,
        // the real-time audio clock included, stops while the GC suspends the process.
        System.Runtime.GCSettings.LatencyMode = System.Runtime.GCLatencyMode.SustainedLowLatency;

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        // Pages get a friendly 404; Twilio's and the audio endpoints answer with their own status codes (a 403 must stay a 403).
        app.UseWhen(
            context => !context.Request.Path.StartsWithSegments("/twilio") && !context.Request.Path.StartsWithSegments("/audio"),
            pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(15) });
        app.UseStudioEdges();
        app.UseStudioAuth();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapLogin();
        app.MapShowDownloads();
        app.MapScreeningClips();
        app.MapTwilio();
        app.MapBrowserMic();
        app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
        return app;
    }
}
