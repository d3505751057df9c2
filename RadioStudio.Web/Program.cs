using Microsoft.Extensions.Options;
using MudBlazor.Services;
using RadioStudio.Engine.Hosting;
using RadioStudio.Web.Components;
using RadioStudio.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddStudioConfigurationFile();
builder.WebHost.UseStaticWebAssets();

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddRadioStudioEngine();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));

try
{
    await app.RunAsync();
}
catch (OptionsValidationException invalid)
{
    Console.Error.WriteLine("RadioStudio cannot start: the configuration is invalid.");
    foreach (var failure in invalid.Failures)
    {
        Console.Error.WriteLine($"  - {failure}");
    }

    Environment.ExitCode = 2;
}
catch (InvalidOperationException bind) when (bind.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase))
{
    Console.Error.WriteLine($"RadioStudio cannot start: {bind.Message}");
    Environment.ExitCode = 2;
}
