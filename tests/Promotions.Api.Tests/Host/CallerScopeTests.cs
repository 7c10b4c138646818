using System.Security.Claims;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.Api.Tests.Host;

/// <summary>
/// How a token's <c>channels</c> and <c>partner_id</c> become a <see cref="CallerScope"/>: locally from any token, on
/// Cognito only from access tokens (what a pre-token-generation trigger adds for a machine client).
/// </summary>
public sealed class CallerScopeTests
{
    private static readonly CognitoOptions Cognito = new() { UserPoolId = "eu-west-1_Test", ClientIds = "shop-client,console" };

    [Fact]
    public void Local_WithChannelsAsSpaceSeparatedString_BindsToThoseChannelsAndPartner()
    {
        var scope = CallerScope.Of(CallerClaims.FromLocal(Token(("sub", "store-7"), ("channels", "web in_store"), ("partner_id", "p1"))));

        Assert.Equal(("store-7", "p1", true), (scope.CallerId, scope.PartnerId, scope.IsRestricted));
        Assert.True(scope.AllowsChannel("web") && scope.AllowsChannel("in_store"));
        Assert.False(scope.AllowsChannel("email") || scope.AllowsChannel(null));
    }

    [Fact]
    public void Local_WithChannelsAsArray_BindsToEachElement()
    {
        var scope = CallerScope.Of(CallerClaims.FromLocal(Token(("sub", "app"), ("channels", "mobile_app"), ("channels", "email"))));

        Assert.Equal(["email", "mobile_app"], scope.Channels!.Order(StringComparer.Ordinal));
        Assert.Null(scope.PartnerId);
    }

    [Fact]
    public void Local_WithEmptyChannels_IsBoundToNone_WithoutChannels_IsUnbound()
    {
        var none = CallerScope.Of(CallerClaims.FromLocal(Token(("sub", "x"), ("channels", ""))));
        var unbound = CallerScope.Of(CallerClaims.FromLocal(Token(("sub", "x"), ("roles", "admin"))));

        Assert.False(none.AllowsChannel("web"));
        Assert.Equal("This client may not act on channel 'web'; its token allows no channel.", none.ChannelRefused("web", "$.channel").Message);
        Assert.True(unbound.AllowsChannel("web") && !unbound.IsRestricted);
    }

    [Fact]
    public void Cognito_AccessTokenOfAMachineClient_IsBoundByTheTriggersClaims()
    {
        var token = Token(("sub", "shop-client"), ("client_id", "shop-client"), ("token_use", "access"),
            ("scope", "promotions/offers:read"), ("channels", "web"), ("partner_id", "p9"));

        var scope = CallerScope.Of(CognitoTokens.ToCaller(token, Cognito));

        Assert.Equal(("shop-client", "p9"), (scope.CallerId, scope.PartnerId));
        Assert.True(scope.AllowsChannel("web"));
        Assert.False(scope.AllowsChannel("partner"));
    }

    [Fact]
    public void Cognito_IdTokenOfAPerson_IsNeverBound()
    {
        var token = Token(("sub", "u-1"), ("aud", "console"), ("token_use", "id"), ("cognito:groups", "support"), ("channels", "web"), ("partner_id", "p9"));

        var scope = CallerScope.Of(CognitoTokens.ToCaller(token, Cognito));

        Assert.False(scope.IsRestricted);
        Assert.True(scope.AllowsChannel("email"));
    }

    [Fact]
    public void Owns_ForARestrictedCaller_IsItsPartnersRecords_ElseItsOwn()
    {
        var partner = CallerScope.Of(CallerClaims.Build("store-7", [], [Scopes.Redeem], ["in_store"], "p1"));
        var client = CallerScope.Of(CallerClaims.Build("app", [], [Scopes.Redeem], ["mobile_app"]));
        var staff = CallerScope.Of(CallerClaims.Build("ann", [Roles.Support], []));

        Assert.True(partner.Owns("store-8", "p1"));
        Assert.False(partner.Owns("store-7", null));
        Assert.True(client.Owns("app", null) && !client.Owns("web-shop", null));
        Assert.True(staff.Owns("anyone", "any-partner"));
    }

    private static ClaimsPrincipal Token(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "Bearer"));
}
