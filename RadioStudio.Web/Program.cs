using RadioStudio.Web.Hosting;

var app = StudioHost.Build(args);

if (!ConfigurationCheck.Validate(app.Services, Console.Error))
{
    return 2;
}

await app.RunAsync();
return 0;
