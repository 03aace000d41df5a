//! dossier: a terminal browser for archival documents.
//!
//! Data flows one way: [`parse`] turns an archive page into a [`model::Document`], [`corpus`]
//! loads files and folders, [`query`] matches and ranks, [`cli`] prints, and [`tui`] browses.

pub mod citation;
pub mod cite;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod formats;
pub mod index;
pub mod library;
pub mod model;
pub mod notebook;
pub mod outcome;
pub mod parse;
pub mod query;
pub mod state;
pub mod tui;
