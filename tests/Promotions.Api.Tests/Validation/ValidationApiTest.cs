using Promotions.Api.Tests.Offers;
using Promotions.ServiceDefaults.Auth;
using Program = Promotions.Validation.Program;

namespace Promotions.Api.Tests.Validation;

/// <summary>A fresh Validation service per test.</summary>
public abstract class ValidationApiTest : ServiceApiTest<Program>
{
    protected ValidationApiTest()
        : base("checkout", Scopes.Validate)
    {
    }

    /// <summary>A channel client (<c>checkout</c>) with the <c>validate</c> scope.</summary>
    protected HttpClient Checkout => Client;
}
