using Promotions.ServiceDefaults.Auth;
using Program = Promotions.PromotionApi.Program;

namespace Promotions.Api.Tests.Offers;

/// <summary>A fresh Promotion API per test (offers see every live promotion, so tests never share a store).</summary>
public abstract class PromotionApiTest : ServiceApiTest<Program>
{
    protected PromotionApiTest()
        : base("web-shop", Scopes.OffersRead)
    {
    }

    /// <summary>A channel client with the <c>offers:read</c> scope.</summary>
    protected HttpClient Channel => Client;
}
