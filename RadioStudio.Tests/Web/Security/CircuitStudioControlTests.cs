using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Studio;
using RadioStudio.Tests.Support;
using RadioStudio.Web.Auth;

namespace RadioStudio.Tests.Web.Security;

/// <summary>The server refuses a circuit's commands its role may not send, whatever the page shows.</summary>
public sealed class CircuitStudioControlTests
{
    [Fact]
    public async Task Screener_HostCommands_AreRefusedAndNeverReachTheStudio()
    {
        var (control, studio) = Build(StudioRole.Screener);

        await Assert.ThrowsAsync<StudioCommandException>(() => control.TakeCallAsync("L1"));
        await Assert.ThrowsAsync<StudioCommandException>(() => control.SetOnAirAsync(false));
        await Assert.ThrowsAsync<StudioCommandException>(() => control.HangUpAsync("L1"));
        await Assert.ThrowsAsync<StudioCommandException>(() => control.TakeNextAsync());
        await Assert.ThrowsAsync<StudioCommandException>(() => control.AddHostLineAsync("hello"));
        await Assert.ThrowsAsync<StudioCommandException>(() => control.SetBlockAllAsync(true));

        Assert.Empty(studio.Commands);
    }

    [Fact]
    public async Task Screener_QueueCommands_Pass()
    {
        var (control, studio) = Build(StudioRole.Screener);

        await control.UpdateCallerDetailsAsync("L1", "Dave", "roads", null);
        await control.ScreenCallAsync("L1", true);
        await control.SetNextAsync("L1");
        await control.MoveInQueueAsync("L1", -1);
        await control.DropCallAsync("L1");

        Assert.Equal(5, studio.Commands.Count);
    }

    [Fact]
    public async Task Cohost_EveryCommand_IsRefused()
    {
        var (control, studio) = Build(StudioRole.Cohost);

        await Assert.ThrowsAsync<StudioCommandException>(() => control.ScreenCallAsync("L1", true));
        await Assert.ThrowsAsync<StudioCommandException>(() => control.DropCallAsync("L1"));
        await Assert.ThrowsAsync<StudioCommandException>(() => control.SetOnAirAsync(true));
        Assert.Empty(studio.Commands);
    }

    [Fact]
    public async Task Host_AndLocalStudioWithoutUsers_Pass()
    {
        var (host, hostStudio) = Build(StudioRole.Host);
        await host.TakeCallAsync("L1");
        Assert.Single(hostStudio.Commands);

        var local = new FakeStudio();
        var open = new CircuitStudioControl(local, new StudioUsers(Options.Create(new AuthOptions())), new ServiceCollection().BuildServiceProvider());
        await open.SetOnAirAsync(true);
        Assert.Single(local.Commands);
    }

    private static (CircuitStudioControl Control, FakeStudio Studio) Build(StudioRole role)
    {
        var users = new StudioUsers(Options.Create(new AuthOptions
        {
            Users = { ["someone"] = new StudioUserOptions { Role = role.ToString(), Password = "pw" } },
        }));
        var services = new ServiceCollection()
            .AddSingleton<AuthenticationStateProvider>(new SignedIn(role))
            .BuildServiceProvider();
        var studio = new FakeStudio();
        return (new CircuitStudioControl(studio, users, services), studio);
    }

    private sealed class SignedIn(StudioRole role) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
            Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, "someone"), new Claim(ClaimTypes.Role, role.ToString())], "test"))));
    }
}
