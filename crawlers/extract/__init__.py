"""Turning page markup into review rows: schema.org extraction, ratings, dates, language.

Pure functions of their input (no Scrapy, no network), so they are unit-tested
on fixture HTML and reused by any spider.
"""
