"""An IdP made of Debian's python3-lasso (Entr'ouvert's Lasso, the library behind mod_auth_mellon):
reads a JSON job on stdin and writes one SAML Response per case, exactly as Lasso produces it for the
HTTP-POST binding. Run with Debian's /usr/bin/python3. The job has the shape pysaml2_idp.py reads.
Prints {"files": {name: path}} on stdout.
"""
import base64
import datetime
import json
import os
import sys

import lasso

SIGNATURE_METHODS = {"sha1": lasso.SIGNATURE_METHOD_RSA_SHA1, "sha256": lasso.SIGNATURE_METHOD_RSA_SHA256}
CIPHERS = {"aes128-cbc": lasso.ENCRYPTION_SYM_KEY_TYPE_AES_128, "3des": lasso.ENCRYPTION_SYM_KEY_TYPE_3DES}
URI_FORMAT = "urn:oasis:names:tc:SAML:2.0:attrname-format:uri"
# (SAML attribute name, FriendlyName, job field or fixed value)
ATTRIBUTES = [("urn:oid:0.9.2342.19200300.100.1.3", "mail", None), ("urn:oid:2.5.4.42", "givenName", "Zoë"), ("urn:oid:2.5.4.4", "sn", "Archer")]


def pem_body(path):
    with open(path) as f:
        return "".join(l.strip() for l in f if "-----" not in l)


def key_descriptor(use, cert_path):
    return f"""<md:KeyDescriptor use="{use}"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data>
      <ds:X509Certificate>{pem_body(cert_path)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"""


def idp_metadata(job, key):
    return f"""<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="{job['entityId']}">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    {key_descriptor("signing", key["cert"])}
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="http://127.0.0.1:9/sso"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>"""


def sp_metadata(job):
    return f"""<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="{job['spEntityId']}">
  <md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    {key_descriptor("encryption", job["spCert"])}
    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="{job['acsUrl']}" index="0" isDefault="true"/>
  </md:SPSSODescriptor>
</md:EntityDescriptor>"""


def make_server(job, key, case):
    with open(key["key"]) as f:
        private_key = f.read()
    with open(key["cert"]) as f:
        certificate = f.read()
    server = lasso.Server.newFromBuffers(idp_metadata(job, key), private_key, None, certificate)
    server.signatureMethod = SIGNATURE_METHODS[case["hash"]]
    server.addProviderFromBuffer(lasso.PROVIDER_ROLE_SP, sp_metadata(job))
    provider = server.getProvider(job["spEntityId"])
    if case.get("encrypt"):
        provider.setEncryptionMode(lasso.ENCRYPTION_MODE_ASSERTION)
        provider.setEncryptionSymKeyType(CIPHERS[case["encrypt"]])
        provider.setKeyEncryptionMethod(lasso.KEY_ENCRYPTION_METHOD_OAEP)
    return server


def attribute(name, friendly, value):
    attr = lasso.Saml2Attribute()
    attr.name = name
    attr.nameFormat = URI_FORMAT
    attr.friendlyName = friendly
    content = lasso.MiscTextNode.newWithString(value)
    content.textChild = True
    attr_value = lasso.Saml2AttributeValue()
    attr_value.any = [content]
    attr.attributeValue = [attr_value]
    return attr


def response_for(job, case):
    server = make_server(job, job["keys"][case.get("key", "idp")], case)
    login = lasso.Login(server)
    login.initIdpInitiatedAuthnRequest(job["spEntityId"])
    login.request.nameIdPolicy.format = case["nameIdFormat"]
    login.request.nameIdPolicy.allowCreate = True
    login.request.protocolBinding = lasso.SAML2_METADATA_BINDING_POST
    login.processAuthnRequestMsg(None)
    login.validateRequestMsg(True, True)
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    stamp = lambda t: t.strftime("%Y-%m-%dT%H:%M:%SZ")
    login.buildAssertion(lasso.SAML_AUTHENTICATION_METHOD_PASSWORD, stamp(now), None, stamp(now - datetime.timedelta(minutes=1)), stamp(now + datetime.timedelta(minutes=10)))
    name_id = lasso.Saml2NameID()
    name_id.format = case["nameIdFormat"]
    name_id.content = case["nameId"]
    login.assertion.subject.nameID = name_id
    statement = lasso.Saml2AttributeStatement()
    statement.attribute = [attribute(n, f, v or case["email"]) for n, f, v in ATTRIBUTES]
    login.assertion.attributeStatement = [statement]
    if not case["signAssertion"]:
        login.assertion.signType = lasso.SIGNATURE_TYPE_NONE
    login.setSignatureHint(lasso.PROFILE_SIGNATURE_HINT_FORCE if case["signResponse"] else lasso.PROFILE_SIGNATURE_HINT_FORBID)
    login.buildAuthnResponseMsg()
    return base64.b64decode(login.msgBody)


def main():
    job = json.load(sys.stdin)
    files = {}
    for case in job["cases"]:
        path = os.path.join(job["dir"], case["name"] + ".xml")
        with open(path, "wb") as f:
            f.write(response_for(job, case))
        files[case["name"]] = path
    json.dump({"files": files}, sys.stdout)


if __name__ == "__main__":
    main()
