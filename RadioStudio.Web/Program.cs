using RadioStudio.Web.Hosting;

if (args is ["hash-password", ..])
{
    return RadioStudio.Web.Auth.PasswordHashCommand.Run(Console.In, Console.Out, Console.Error);
}

var app = StudioHost.Build(args);

if (!ConfigurationCheck.Validate(app.Services, Console.Error))
{
    return 2;
}

await app.RunAsync();
return 0;
