using MudBlazor.Services;
using RadioStudio.Engine.Hosting;
using RadioStudio.Web.Audio;
using RadioStudio.Web.Components;
using RadioStudio.Web.Hosting;
using RadioStudio.Web.Telephony;

var builder = WebApplication.CreateBuilder(args);
builder.AddStudioConfigurationFile();
builder.WebHost.UseStaticWebAssets();

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddRadioStudioEngine();
builder.Services.AddTelephony();
builder.Services.AddAudio();
builder.Services.AddSingleton<TestCallService>();
builder.Services.AddSingleton<ITestCallPlacer>(sp => sp.GetRequiredService<TestCallService>());

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}

// Pages get a friendly 404; Twilio's and the audio endpoints answer with their own status codes (a 403 must stay a 403).
app.UseWhen(
    context => !context.Request.Path.StartsWithSegments("/twilio") && !context.Request.Path.StartsWithSegments("/audio"),
    pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(15) });
app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapTwilio();
app.MapBrowserMic();
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));

if (!ConfigurationCheck.Validate(app.Services, Console.Error))
{
    return 2;
}

await app.RunAsync();
return 0;
