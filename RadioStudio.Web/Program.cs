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

if (!ConfigurationCheck.Validate(app.Services, Console.Error))
{
    return 2;
}

await app.RunAsync();
return 0;
