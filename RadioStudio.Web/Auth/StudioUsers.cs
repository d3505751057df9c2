using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace RadioStudio.Web.Auth;

/// <summary>
/// The configured users and their passwords. Plain passwords (environment/user-secrets) are hashed once at start,
/// so every check is the same constant-time Identity verification, and an unknown name costs as much as a known one.
/// </summary>
public sealed class StudioUsers
{
    private static readonly PasswordHasher<string> Hasher = new();
    private readonly Dictionary<string, (StudioRole Role, string Hash)> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _decoyHash = Hasher.HashPassword("", Guid.NewGuid().ToString("N"));

    /// <summary>Reads <c>Auth:Users</c>; a user without a role or a password is a configuration error naming the key.</summary>
    public StudioUsers(IOptions<AuthOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var (name, user) in options.Value.Users)
        {
            if (!Enum.TryParse<StudioRole>(user.Role, ignoreCase: true, out var role) || !Enum.IsDefined(role))
            {
                throw new InvalidOperationException($"Auth:Users:{name}:Role must be host, screener or cohost (configuration).");
            }

            var hash = !string.IsNullOrEmpty(user.PasswordHash) ? user.PasswordHash
                : !string.IsNullOrEmpty(user.Password) ? Hasher.HashPassword(name, user.Password)
                : throw new InvalidOperationException($"Auth:Users:{name} needs a PasswordHash or a Password (configuration).");
            _users[name] = (role, hash);
        }
    }

    /// <summary>True when anyone is configured: then every page and socket needs a signed-in user.</summary>
    public bool Enabled => _users.Count > 0;

    /// <summary>The user's role when the password is right; null otherwise.</summary>
    public StudioRole? Verify(string? name, string? password)
    {
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(password) || !_users.TryGetValue(name, out var user))
        {
            Hasher.VerifyHashedPassword("", _decoyHash, password ?? "");
            return null;
        }

        return Hasher.VerifyHashedPassword(name, user.Hash, password) == PasswordVerificationResult.Failed ? null : user.Role;
    }

    /// <summary>A new hash for <paramref name="password"/> (the <c>hash-password</c> command).</summary>
    public static string Hash(string password) => Hasher.HashPassword("", password);

    /// <summary>The role a principal signed in with, if any.</summary>
    public static StudioRole? RoleOf(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true && Enum.TryParse<StudioRole>(user.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;
}
