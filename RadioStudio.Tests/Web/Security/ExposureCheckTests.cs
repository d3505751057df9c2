using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using RadioStudio.Tests.Support;
using RadioStudio.Web.Auth;

namespace RadioStudio.Tests.Web.Security;

/// <summary>A studio without users refuses to start when the outside world can reach it.</summary>
public sealed class ExposureCheckTests
{
    [Theory]
    [InlineData("http://localhost:5180", true)]
    [InlineData("http://127.0.0.1:5180", true)]
    [InlineData("http://[::1]:5180", true)]
    [InlineData("http://0.0.0.0:5180", false)]
    [InlineData("http://*:5180", false)]
    [InlineData("http://+:5180", false)]
    [InlineData("https://studio.example.com", false)]
    [InlineData("http://192.168.1.20:5180", false)]
    public void IsLoopbackUrl_Classifies(string url, bool loopback) => Assert.Equal(loopback, ExposureCheck.IsLoopbackUrl(url));

    [Fact]
    public void Problem_ListeningOnEveryInterfaceWithoutUsers_NamesTheKeys()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("urls", "http://0.0.0.0:5180")]).Build();
        var problem = ExposureCheck.Problem(configuration, NoUsers());
        Assert.NotNull(problem);
        Assert.Contains("http://0.0.0.0:5180", problem, StringComparison.Ordinal);
        Assert.Contains("Auth__Users__<name>__Role=host", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_LoopbackOnlyOrUsersConfigured_IsNull()
    {
        var local = new ConfigurationBuilder().AddInMemoryCollection([new("urls", "http://localhost:5180"), new("Twilio:PublicBaseUrl", "http://127.0.0.1:5180")]).Build();
        Assert.Null(ExposureCheck.Problem(local, NoUsers()));

        var exposed = new ConfigurationBuilder().AddInMemoryCollection([new("Twilio:PublicBaseUrl", "https://studio.example.com")]).Build();
        var users = new StudioUsers(Options.Create(new AuthOptions { Users = { ["alice"] = new StudioUserOptions { Role = "host", Password = "pw" } } }));
        Assert.Null(ExposureCheck.Problem(exposed, users));
    }

    [Fact]
    public async Task Start_RealProcessWithPublicUrlAndNoUsers_RefusesWithTheKeysToSet()
    {
        using var data = new TempDirectory();
        var result = await StudioProcess.RunUntilExitAsync(new Dictionary<string, string>
        {
            ["Storage__Path"] = data.Path,
            ["Twilio__PublicBaseUrl"] = "https://abc.trycloudflare.com",
        });

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Twilio:PublicBaseUrl is https://abc.trycloudflare.com", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("Auth__Users__<name>__Role=host", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void HashPasswordCommand_PrintsAHashTheUsersAccept()
    {
        var output = new StringWriter();
        Assert.Equal(0, PasswordHashCommand.Run(new StringReader("correct horse\n"), output, TextWriter.Null));
        var users = new StudioUsers(Options.Create(new AuthOptions
        {
            Users = { ["alice"] = new StudioUserOptions { Role = "host", PasswordHash = output.ToString().Trim() } },
        }));
        Assert.Equal(StudioRole.Host, users.Verify("alice", "correct horse"));
        Assert.Null(users.Verify("alice", "wrong"));
        Assert.Null(users.Verify("bob", "correct horse"));
    }

    private static StudioUsers NoUsers() => new(Options.Create(new AuthOptions()));
}
