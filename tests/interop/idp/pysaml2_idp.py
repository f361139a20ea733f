"""An IdP made of Debian's python3-pysaml2 (saml2.server.Server): reads a JSON job on stdin and writes
one SAML Response per case, exactly as pysaml2 produces it. Run with Debian's /usr/bin/python3.

Job: {"dir": out dir, "entityId", "spEntityId", "acsUrl", "keys": {name: {"key": path, "cert": path}},
      "spCert": path, "cases": [{"name", "key", "signResponse", "signAssertion", "encrypt": null|"aes128-cbc"|"3des",
      "hash": "sha1"|"sha256", "nameIdFormat", "nameId", "c14n": "exc"|"1.1"}]}
Prints {"files": {name: path}} on stdout.
"""
import functools
import json
import os
import sys

import saml2.entity
import saml2.xmldsig as ds
from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT
from saml2.config import IdPConfig
from saml2.saml import NameID
from saml2.server import Server
from saml2.sigver import TRIPLE_DES_CBC, SecurityContext, pre_encryption_part
from saml2.xmldsig import DIGEST_SHA1, DIGEST_SHA256, SIG_RSA_SHA1, SIG_RSA_SHA256

ALGS = {"sha1": (SIG_RSA_SHA1, DIGEST_SHA1), "sha256": (SIG_RSA_SHA256, DIGEST_SHA256)}
# (EncryptionMethod of the template, session key xmlsec1 makes for it)
CIPHERS = {"aes128-cbc": ("http://www.w3.org/2001/04/xmlenc#aes128-cbc", "aes-128"), "3des": (TRIPLE_DES_CBC, "des-192")}
ENCRYPT_ASSERTION = SecurityContext.encrypt_assertion
EXC_C14N = ds.ALG_EXC_C14N
C14N_11 = "http://www.w3.org/2006/12/xml-c14n11"


def sp_metadata(job):
    return f"""<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="{job['spEntityId']}">
  <md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:AssertionConsumerService Binding="{BINDING_HTTP_POST}" Location="{job['acsUrl']}" index="0"/>
  </md:SPSSODescriptor>
</md:EntityDescriptor>"""


def make_server(job, key):
    config = IdPConfig()
    config.load({
        "entityid": job["entityId"],
        "service": {"idp": {
            "endpoints": {"single_sign_on_service": [("http://127.0.0.1:9/sso", BINDING_HTTP_REDIRECT)]},
            "policy": {"default": {"lifetime": {"minutes": 15}, "attribute_restrictions": None}},
        }},
        "key_file": key["key"],
        "cert_file": key["cert"],
        "xmlsec_binary": "/usr/bin/xmlsec1",
        "metadata": {"inline": [sp_metadata(job)]},
        "delete_tmpfiles": True,
    })
    return Server(config=config)


def pem_body(path):
    with open(path) as f:
        return "".join(l.strip() for l in f if "-----" not in l)


def response_for(server, job, case):
    sign_alg, digest_alg = ALGS[case["hash"]]
    encrypt = case.get("encrypt")
    # pysaml2's server always encrypts with its default cipher; the cipher is pre_encryption_part's argument.
    cipher, session_key = CIPHERS[encrypt or "3des"]
    saml2.entity.pre_encryption_part = functools.partial(pre_encryption_part, msg_enc=cipher)
    server.sec.encrypt_assertion = functools.partial(ENCRYPT_ASSERTION, server.sec, key_type=session_key)
    # pysaml2 writes the canonicalisation method into its signature template from this constant.
    ds.ALG_EXC_C14N = C14N_11 if case.get("c14n") == "1.1" else EXC_C14N
    kwargs = {}
    if encrypt:
        kwargs = {"encrypt_assertion": True, "encrypt_cert_assertion": pem_body(job["spCert"]),
                  "encrypt_assertion_self_contained": True}
    response = server.create_authn_response(
        identity={"mail": [case["email"]], "givenName": ["Zoë"], "sn": ["Archer"]},
        in_response_to="_req-" + case["name"],
        destination=job["acsUrl"],
        sp_entity_id=job["spEntityId"],
        name_id=NameID(format=case["nameIdFormat"], text=case["nameId"]),
        authn={"class_ref": "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"},
        sign_response=case["signResponse"],
        sign_assertion=case["signAssertion"],
        sign_alg=sign_alg,
        digest_alg=digest_alg,
        **kwargs,
    )
    return str(response)


def main():
    job = json.load(sys.stdin)
    servers = {}
    files = {}
    for case in job["cases"]:
        key = case.get("key", "idp")
        if key not in servers:
            servers[key] = make_server(job, job["keys"][key])
        text = response_for(servers[key], job, case)
        path = os.path.join(job["dir"], case["name"] + ".xml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        files[case["name"]] = path
    json.dump({"files": files}, sys.stdout)


if __name__ == "__main__":
    main()
